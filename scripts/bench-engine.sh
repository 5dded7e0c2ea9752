#!/usr/bin/env bash
# Engine throughput (sample-steps/s at B=10, T=400, F=100, H=20) on Java 17 and on Temurin 25, each cell in a fresh
# JVM: on Java 17 the JIT's choices depend on what ran first (an RNN before an LSTM slows the LSTM down). Each JVM
# then measures the machine's float32 GEMM ceiling on the same thread counts and prints the cell's matrix-product
# GFLOP/s as a share of it.
# Builds the jar if missing. Extra arguments go to bench-engine (e.g. --scalar, --no-reference, --seconds 5).
# Run it on a quiet machine: the figures are wall-clock and the fast engine is compared in the same process.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/lstm-lab.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests package
JAVA17=${JAVA17:-java}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}

bench() { # java, extra JVM flags...
  local java=$1; shift
  local first=1
  for cell in rnn lstm state gru; do
    "$java" --add-modules jdk.incubator.vector "$@" -jar "$JAR" bench-engine --cells "$cell" "${ARGS[@]}" 2>&1 \
      | grep -v 'incubator modules' | { if [ $first = 1 ]; then cat; else tail -n +3; fi; }
    first=0
  done
}
ARGS=("$@")

echo "== Java 17 ($("$JAVA17" -version 2>&1 | head -1))"
bench "$JAVA17"

if [ -x "$JAVA25" ]; then
  echo "== Temurin 25 ($("$JAVA25" -version 2>&1 | head -1))"
  bench "$JAVA25" --enable-native-access=ALL-UNNAMED
else
  echo "== Temurin 25 not found at $JAVA25 (set JAVA25=...)"
fi
