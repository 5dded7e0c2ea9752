#!/usr/bin/env bash
# Runs every test: unit and differential tests (mvn verify, which also builds target/lstm-lab.jar), then every
# notebook executed headless in a real Java kernel (rapaio, installed project-locally) in quick mode.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B verify

bash scripts/install-jupyter.sh
source scripts/jupyter-env.sh
/usr/bin/python3 scripts/notebooks.py build --check
/usr/bin/python3 scripts/notebooks.py run
/usr/bin/python3 scripts/assignments.py selftest
