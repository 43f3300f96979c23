#!/usr/bin/env bash
# Start-up cost of the agent on a class-heavy start: LibraryStartup (Guava, Jackson, commons-lang3,
# commons-math3) run as a whole process without and with -javaagent instrumenting those libraries,
# in turn, RUNS times each after a warm-up; prints the median wall-clock and CPU seconds and their
# ratios. Not part of `mvn verify`; run after `mvn -pl core,agent -am package -DskipTests`:
#
#   agent/scripts/startup-ratio.sh [java-home [runs]]
#
# Artifacts come from Maven Central through `mvn dependency:copy` into agent/target/startup/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
java_home="${1:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
runs="${2:-5}"
work="$root/agent/target/startup"
mkdir -p "$work/jars" "$work/classes"
agent="$work/agent-under-test.jar"
cp "$(ls "$root"/agent/target/offline-debug-agent-*.jar | grep -v -e original -e sources | head -1)" "$agent"
if [[ ! -f "$work/jars/.fetched" ]]; then
  for artifact in com.google.guava:guava:33.2.0-jre com.google.guava:failureaccess:1.0.2 \
      com.fasterxml.jackson.core:jackson-databind:2.18.2 com.fasterxml.jackson.core:jackson-core:2.18.2 \
      com.fasterxml.jackson.core:jackson-annotations:2.18.2 org.apache.commons:commons-lang3:3.17.0 \
      org.apache.commons:commons-math3:3.6.1; do
    mvn -B -q -ntp dependency:copy -Dartifact="$artifact" -DoutputDirectory="$work/jars" >/dev/null
  done
  touch "$work/jars/.fetched"
fi
classpath="$work/classes:$(ls "$work"/jars/*.jar | paste -sd:)"
"$java_home/bin/javac" -d "$work/classes" -cp "$classpath" "$root/agent/scripts/startup/LibraryStartup.java"

plain=("$java_home/bin/java" -cp "$classpath" LibraryStartup)
with_agent=("$java_home/bin/java"
  "-javaagent:$agent=include=com.google.*;com.fasterxml.*;org.apache.commons.*" "${plain[@]:1}")
measure() { # file command...
  local file="$1"
  shift
  /usr/bin/time -a -o "$file" -f '%e %U %S' "$@" >/dev/null 2>&1
}
rm -f "$work"/plain.times "$work"/agent.times
measure /dev/null "${plain[@]}"
measure /dev/null "${with_agent[@]}"
for _ in $(seq "$runs"); do
  measure "$work/plain.times" "${plain[@]}"
  measure "$work/agent.times" "${with_agent[@]}"
done
median() { # file column-expression
  awk "{ print $2 }" "$1" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
echo "JDK: $("$java_home/bin/java" -version 2>&1 | head -1), $runs runs each"
for figure in wall cpu; do
  expression='$1'
  [[ $figure == cpu ]] && expression='$2 + $3'
  p="$(median "$work/plain.times" "$expression")"
  a="$(median "$work/agent.times" "$expression")"
  printf '%-4s plain %6.2f s  agent %6.2f s  ratio %.2f\n' "$figure" "$p" "$a" \
    "$(awk -v a="$a" -v p="$p" 'BEGIN { print a / p }')"
done
