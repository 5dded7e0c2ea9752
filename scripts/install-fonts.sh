#!/usr/bin/env bash
# Installs the fonts the lab report needs when the machine lacks them (needs root or sudo; idempotent): a Hangul one
# (Debian's fonts-nanum) for Korean reports, their PDF and their chart labels, and DejaVu for English text and the
# report's symbols. Without them reports still work: the HTML renders in the browser's fonts, and the PDF and chart
# steps say in one line which package to install. Usage: bash scripts/install-fonts.sh
set -euo pipefail
missing=()
has_hangul() { fc-list :lang=ko 2>/dev/null | grep -q . || ls /usr/share/fonts/truetype/nanum/NanumGothic.ttf >/dev/null 2>&1; }
has_hangul || missing+=(fonts-nanum)
ls /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-fonts: a Hangul font and DejaVu are present"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-fonts: no apt-get here; install a Hangul-capable TrueType font (e.g. Nanum Gothic) and DejaVu Sans yourself"
  exit 0
fi
bash "$(dirname "$0")/apt-install.sh" "${missing[@]}"
