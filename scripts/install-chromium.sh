#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium when no chromium is on PATH (needs root or sudo); idempotent.
# Used by scripts/browser-check.py's callers (scripts/test.sh). Usage: bash scripts/install-chromium.sh
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "install-chromium: $(chromium --version 2>/dev/null || echo chromium) already present"
  exit 0
fi
echo "install-chromium: installing chromium from Debian"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
# another apt run on the machine holds the lock for a while: wait for it rather than fail
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends chromium
chromium --version
