#!/usr/bin/env bash
# The start-up row in CPU time, for a shared machine where the JMH benchmark's wall clock is noise:
# load, verify and initialise the start-up benchmark's libraries 15 times in a fresh JVM without
# the agent, with OLD-AGENT.jar and with NEW-AGENT.jar attached at start, alternated RUNS times;
# prints each run's loading-thread CPU per round, then per agent the median over runs of (median
# of rounds 11-15 with the agent) / (the same without, in the same run). With --ahead-of-time, the
# runs compare instead AGENT.jar attached at start with the libraries as AGENT.jar's instrumenter
# rewrites them, loaded without the agent (its jar on the boot class path for the handlers' call
# sites): the JVM's share of what the agent adds, apart from the instrumenter's. Needs the
# benchmarks built (benchmarks/target/startup-jars):
#
#   agent/scripts/startup-cpu.sh OLD-AGENT.jar NEW-AGENT.jar [runs [java]]
#   agent/scripts/startup-cpu.sh --ahead-of-time AGENT.jar [runs [java]]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
variants=(plain old new)
if [[ $1 == --ahead-of-time ]]; then
  variants=(plain ahead-of-time new)
  shift
  set -- "" "$@"
fi
old="$1"
new="$2"
runs="${3:-4}"
java="${4:-java}"
jars="$root/benchmarks/target/startup-jars"
include='include=com.google.*;com.fasterxml.*;org.apache.commons.*'
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
javac_bin="$(dirname "$(readlink -f "$(command -v "$java")")")/javac"
"$javac_bin" -d "$work" "$root/agent/scripts/startup-cpu/StartupCpu.java"
if [[ ${variants[1]} == ahead-of-time ]]; then
  "$javac_bin" -d "$work" -cp "$new" "$root/agent/scripts/startup-cpu/AheadOfTime.java"
  "$java" -cp "$new:$work" dev.offlinedebug.agent.AheadOfTime "$jars" "$work/instrumented-jars"
fi
for _ in $(seq "$runs"); do
  for variant in "${variants[@]}"; do
    options=()
    from="$jars"
    [[ $variant == old ]] && options=("-javaagent:$old=$include")
    [[ $variant == new ]] && options=("-javaagent:$new=$include")
    [[ $variant == ahead-of-time ]] && options=("-Xbootclasspath/a:$new") && from="$work/instrumented-jars"
    echo "$variant $("$java" "${options[@]}" -cp "$work" StartupCpu "$from" 15)" | tee -a "$work/runs"
  done
done
awk '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  {
    k = 0
    for (r = 12; r <= 16; r++) w[++k] = $r
    warm = median(w, k)
    if ($1 == "plain") plain = warm
    else ratios[$1, ++count[$1]] = warm / plain
  }
  END {
    for (v in count) {
      for (i = 1; i <= count[v]; i++) x[i] = ratios[v, i]
      printf "%s / no agent: %.2f (median of %d runs)\n", v, median(x, count[v]), count[v]
    }
  }' "$work/runs"
