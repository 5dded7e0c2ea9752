#!/usr/bin/env bash
# Engine throughput (sample-steps/s at B=10, T=400, F=100, H=20) on Java 17 and on Temurin 25.
# Builds the jar if missing. Extra arguments go to bench-engine (e.g. --scalar, --no-reference, --seconds 5).
# Run it on a quiet machine: the figures are wall-clock and the fast engine is compared in the same process.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/lstm-lab.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests package
JAVA17=${JAVA17:-java}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}

echo "== Java 17 ($("$JAVA17" -version 2>&1 | head -1))"
"$JAVA17" --add-modules jdk.incubator.vector -jar "$JAR" bench-engine "$@" 2>&1 | grep -v 'incubator modules'

if [ -x "$JAVA25" ]; then
  echo "== Temurin 25 ($("$JAVA25" -version 2>&1 | head -1))"
  "$JAVA25" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar "$JAR" bench-engine "$@" \
    2>&1 | grep -v 'incubator modules'
else
  echo "== Temurin 25 not found at $JAVA25 (set JAVA25=...)"
fi
