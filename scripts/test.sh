#!/usr/bin/env bash
# Runs every test: unit and differential tests (mvn verify, which also builds target/lstm-lab.jar); the README's
# promises (its set-up commands, --save names and Java blocks, run in JShell); the lab report of a quick run in
# Korean and English, its HTML rendered in headless Chromium; the notebook build rules; then every notebook executed
# headless in a real Java kernel (rapaio, installed project-locally) in quick mode, and rendered as HTML in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-fonts.sh   # before the unit tests: the Korean report's PDF needs a Hangul font
bash scripts/apt-install.sh sox # the independent decoder the RIFX and RF64 tests compare against
mvn -B verify

/usr/bin/python3 scripts/readme-check.py
/usr/bin/python3 scripts/test_notebooks.py

bash scripts/install-chromium.sh
/usr/bin/python3 scripts/test_browser_check.py
bash scripts/report-check.sh
bash scripts/install-jupyter.sh
source scripts/jupyter-env.sh
/usr/bin/python3 scripts/notebooks.py build --check
/usr/bin/python3 scripts/notebooks.py run
/usr/bin/python3 scripts/assignments.py selftest
