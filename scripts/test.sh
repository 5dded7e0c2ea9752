#!/usr/bin/env bash
# Runs every test: unit and differential tests (mvn verify, which also builds target/lstm-lab.jar); the README's
# promises (its set-up commands, --save names and Java blocks, run in JShell); the notebook build rules; then every
# notebook executed headless in a real Java kernel (rapaio, installed project-locally) in quick mode, and rendered
# as HTML in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B verify

/usr/bin/python3 scripts/readme-check.py
/usr/bin/python3 scripts/test_notebooks.py

bash scripts/install-chromium.sh
/usr/bin/python3 scripts/test_browser_check.py
bash scripts/install-jupyter.sh
source scripts/jupyter-env.sh
/usr/bin/python3 scripts/notebooks.py build --check
/usr/bin/python3 scripts/notebooks.py run
/usr/bin/python3 scripts/assignments.py selftest
