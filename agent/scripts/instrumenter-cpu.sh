#!/usr/bin/env bash
# The instrumenter's CPU time and allocation per round over the start-up benchmark's libraries,
# two agent builds alternated RUNS times (each run a fresh JVM: round 1 cold, the rest warm), for
# A/B comparisons on a shared machine, where thread CPU time and allocated bytes are steadier than
# wall-clock time. Prints each run, then per build the medians of round 1, of rounds 7-12 and of
# their allocation. Needs the benchmarks built (benchmarks/target/startup-jars):
#
#   agent/scripts/instrumenter-cpu.sh OLD-AGENT.jar NEW-AGENT.jar [runs [java]]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
old="$1"
new="$2"
runs="${3:-6}"
java="${4:-java}"
jars="$root/benchmarks/target/startup-jars"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
javac_bin="$(dirname "$(readlink -f "$(command -v "$java")")")/javac"
"$javac_bin" -d "$work/classes" -cp "$new" "$root/agent/scripts/instrumenter-cpu/InstrumenterCpu.java"
for _ in $(seq "$runs"); do
  for build in old new; do
    jar="$old"
    [[ $build == new ]] && jar="$new"
    echo "$build $("$java" -cp "$jar:$work/classes" dev.offlinedebug.agent.InstrumenterCpu "$jars" 12)" \
      | tee -a "$work/runs"
  done
done
for build in old new; do
  grep "^$build " "$work/runs" | awk -v build="$build" '
    function median(a, n,   i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    {
      split($0, parts, ";"); m = split(parts[2], f, " ")
      runs++; cold[runs] = f[1]; k = 0
      for (r = 7; r <= 12; r++) { k++; w[k] = f[4 * r - 3]; a[k] = f[4 * r - 1] }
      warm[runs] = median(w, k); alloc[runs] = median(a, k)
    }
    END { printf "%s: round 1 %d ms, rounds 7-12 %d ms, %d MB (medians of %d runs)\n", build, median(cold, runs), median(warm, runs), median(alloc, runs), runs }'
done
