#!/usr/bin/env bash
# Times the whole chapter: six models on the book's schedule on the book-sized synthetic preset, features from a
# cold cache included (the goal: at most 5 minutes wall time on a 2-core machine). Dataset generation is done
# first and not timed. Run it on a quiet machine. Usage: scripts/bench-reproduce.sh [extra reproduce options]
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
[ -f target/lstm-lab.jar ] || mvn -B -q package -DskipTests
$JAVA --add-modules jdk.incubator.vector -jar target/lstm-lab.jar generate --preset book
rm -rf datasets/synthetic-book/kaggle/.lstm-lab-cache reports/bench-reproduce
start=$(date +%s.%N)
$JAVA --add-modules jdk.incubator.vector -jar target/lstm-lab.jar reproduce --run-id bench-reproduce --no-progress "$@"
end=$(date +%s.%N)
echo "six-model reproduction, cold feature cache: $(awk "BEGIN { printf \"%.1f\", $end - $start }") s wall (JVM start included)"
