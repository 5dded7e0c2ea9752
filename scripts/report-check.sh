#!/usr/bin/env bash
# The lab report as a user gets it (needs target/lstm-lab.jar, Chromium and the fonts of install-fonts.sh): a quick
# `reproduce --lang ko` writes report.html, report.md and report.pdf; `report RUN_DIR --lang en` writes them again
# from the finished run without training; headless Chromium renders both HTML files at A4 width (794 px) and fails
# on an image that did not decode or on text that overflows its page. Usage: bash scripts/report-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/report-check
rm -rf "$out"
mkdir -p "$out"
lab() { java --add-modules jdk.incubator.vector -jar target/lstm-lab.jar "$@"; }
files() {
  for f in report.html report.md report.pdf; do
    [ -s "$run/$f" ] || { echo "report-check: $1 wrote no $run/$f"; exit 1; }
  done
}
lab reproduce --quick --no-progress --lang ko --reports "$out" --run-id quick > "$out/reproduce.log" 2>&1 || { tail -20 "$out/reproduce.log"; exit 1; }
run="$out/quick"
files "reproduce --lang ko"
grep -q "실험 결과" "$run/report.md" || { echo "report-check: the Korean report.md lacks its headings"; exit 1; }
cp "$run/report.html" "$run/report-ko.html"
models=$(ls -l --time-style=+%s.%N "$run"/models/*.json | md5sum)
lab report "$run" --lang en
files "report --lang en"
[ "$models" = "$(ls -l --time-style=+%s.%N "$run"/models/*.json | md5sum)" ] || { echo "report-check: report touched the models"; exit 1; }
/usr/bin/python3 scripts/browser-check.py --page-width 794 "$run/report-ko.html" "$run/report.html"
