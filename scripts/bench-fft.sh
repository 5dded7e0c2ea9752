#!/usr/bin/env bash
# Does the vector FFT pay for itself? Times, in one run and alternated (ROUNDS times each, the starting variant
# swapped every round), the vector FFT against JTransforms alone (-Dlstmlab.noVectorFft=true) on the two jobs it
# serves: a cold `reproduce` (six models on the book's schedule, book-sized synthetic preset, features extracted
# with no cache, JVM start included) and a feature load of the book preset (bench-features: 10 and 100 ms windows,
# 2 threads, one load each). Prints every figure, then per variant the median and the spread (min-max), and the
# ratio of the medians. It also sums the `train ended in S secs` lines of each reproduction: training that ran in
# the same JVM as the vector FFT must be no slower for it.
# The rule (README): a fast path stays only if it makes its job at least 10% faster, with the figure published.
# Usage: [JAR=other.jar] scripts/bench-fft.sh [ROUNDS, default 3]. Takes about 15 minutes a round on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
JAVA=${JAVA:-java}
JAR=${JAR:-target/lstm-lab.jar}
[ -f "$JAR" ] || mvn -B -q package -DskipTests
LOGS=build/bench-fft
mkdir -p "$LOGS"
run() { "$JAVA" --add-modules jdk.incubator.vector "$@" 2>&1 | grep -v 'incubator modules'; }
run -jar "$JAR" generate --preset book > /dev/null

declare -A FLAG=([vector]="-Dlstmlab.noVectorFft=false" [jtransforms]="-Dlstmlab.noVectorFft=true")
RESULTS=$LOGS/results.tsv
printf 'round\tvariant\treproduce_s\ttrain_s\tload10_s\tload100_s\n' > "$RESULTS"
for ((r = 1; r <= ROUNDS; r++)); do
  if ((r % 2)); then order=(vector jtransforms); else order=(jtransforms vector); fi
  for v in "${order[@]}"; do
    rm -rf datasets/synthetic-book/kaggle/.lstm-lab-cache reports/bench-fft
    start=$(date +%s.%N)
    run "${FLAG[$v]}" -jar "$JAR" reproduce --run-id bench-fft --no-progress > "$LOGS/reproduce-$v-$r.log"
    end=$(date +%s.%N)
    wall=$(awk "BEGIN { printf \"%.1f\", $end - $start }")
    train=$(awk '/train ended in/ { for (i = 1; i <= NF; i++) if ($i == "in") s += $(i + 1) } END { printf "%.1f", s }' \
      "$LOGS/reproduce-$v-$r.log")
    run "${FLAG[$v]}" -jar "$JAR" bench-features --preset book --thread-counts 2 --repeats 1 > "$LOGS/features-$v-$r.log"
    # the median-seconds column of the two settings' lines at 2 threads
    load10=$(awk '$2 == "10-10" && $3 == 2 { print $6 }' "$LOGS/features-$v-$r.log")
    load100=$(awk '$2 == "10-100" && $3 == 2 { print $6 }' "$LOGS/features-$v-$r.log")
    printf '%d\t%s\t%s\t%s\t%s\t%s\n' "$r" "$v" "$wall" "$train" "$load10" "$load100" | tee -a "$RESULTS"
  done
done
rm -rf reports/bench-fft

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$JAVA" -version 2>&1 | head -1)"
python3 - "$RESULTS" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
cols = [("reproduce_s", "cold reproduce, s wall"), ("train_s", "  of which training, s (sum of six models)"),
        ("load10_s", "feature load 10 ms, s"), ("load100_s", "feature load 100 ms, s")]
print(f"{'figure':<44} {'vector FFT':>22} {'JTransforms':>22} {'JTransforms/vector':>19}")
for col, name in cols:
    cell, med = {}, {}
    for v in ("vector", "jtransforms"):
        xs = [float(r[col]) for r in rows if r["variant"] == v]
        med[v] = statistics.median(xs)
        cell[v] = f"{med[v]:.1f} ({min(xs):.1f}-{max(xs):.1f})"
    print(f"{name:<44} {cell['vector']:>22} {cell['jtransforms']:>22} {med['jtransforms'] / med['vector']:>19.3f}")
print(f"medians of {len(rows) // 2} alternated runs each, (min-max) in brackets")
EOF
