#!/usr/bin/env bash
# Runs every test: unit and differential tests, then (later) the notebooks in a real kernel.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B verify
