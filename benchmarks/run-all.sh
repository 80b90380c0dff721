#!/usr/bin/env bash
# Runs every benchmark once, in one go, from the repository's root, and keeps what each printed in one log:
# the figures in docs/PERFORMANCE.md ("The run") come from one such log. Build first:
#   ./mvnw -q -Pbenchmarks -pl benchmarks -am package -DskipTests
# Optional environment:
#   BEFORE_JAR     a benchmarks.jar built from an earlier commit: its StreamingBenchmark runs too, as the anchor of
#                  the streaming rate ("before")
#   ROUTES_BEFORE  a folder of the YAML routes as they were before: CallsPerOutcomeBenchmark's "before" column
#                  (docs/PERFORMANCE.md says how the routes before issue 19 were taken from git)
#   LOG            where the log goes (default benchmarks/target/run-all.log)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
log=${LOG:-benchmarks/target/run-all.log}
[ -f "$jar" ] || { echo "No $jar: build it first (see the top of this script)" >&2; exit 2; }
: > "$log"

run() {
  echo "### $* ($(date -u +%H:%M:%S) UTC, load: $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$log"
  # a benchmark that fails is said in the log, and the others still run
  "$@" 2>&1 | grep -v '^\[' | tee -a "$log" || echo "FAILED (exit ${PIPESTATUS[0]}): $*" | tee -a "$log"
  echo | tee -a "$log"
}

{
  echo "# run-all: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "# $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -2 | tail -1)"
} | tee -a "$log"

main=io.camelcount.benchmarks
run java -cp "$jar" $main.CallsPerOutcomeBenchmark ${ROUTES_BEFORE:+"$ROUTES_BEFORE"}
run java -cp "$jar" $main.ComponentOverheadBenchmark
run java -cp "$jar" $main.MockThroughputBenchmark
run java -cp "$jar" $main.RateLimitBenchmark
if [ -n "${BEFORE_JAR:-}" ]; then
  run java -Xmx64m -cp "$BEFORE_JAR" $main.StreamingBenchmark
fi
run java -Xmx64m -cp "$jar" $main.StreamingBenchmark
run java -cp "$jar" $main.SigningBenchmark
run java -cp "$jar" $main.StartupBenchmark
run java -cp "$jar" $main.SharedRateLimitBenchmark
run java -Xmx6g -cp "$jar" $main.ListPageCostBenchmark
echo "# done $(date -u +%H:%M:%S) UTC; the log: $log" | tee -a "$log"
