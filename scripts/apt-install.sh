#!/usr/bin/env bash
# Installs the named Debian packages that are not installed yet (needs root or sudo; idempotent). The install scripts
# and scripts/test.sh call it. Usage: bash scripts/apt-install.sh PACKAGE...
set -euo pipefail
missing=()
for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then
  echo "apt-install: $* already installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "apt-install: no apt-get on this machine; install ${missing[*]} (or your system's equivalent) yourself" >&2
  exit 1
fi
echo "apt-install: installing ${missing[*]} from Debian"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
# another apt run on the machine holds the lock for a while: wait for it rather than fail
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
