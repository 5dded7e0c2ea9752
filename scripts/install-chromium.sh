#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium when no chromium is on PATH (needs root or sudo); idempotent.
# Used by scripts/browser-check.py's callers (scripts/test.sh). Usage: bash scripts/install-chromium.sh
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "install-chromium: $(chromium --version 2>/dev/null || echo chromium) already present"
  exit 0
fi
bash "$(dirname "$0")/apt-install.sh" chromium
chromium --version
