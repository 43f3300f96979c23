#!/usr/bin/env bash
# Runs third-party libraries' own test suites with and without the agent instrumenting the
# library's classes (and its tests), and prints pass/fail counts, VerifyErrors, the agent's counters
# and wall-clock times. Not part of `mvn verify` (minutes per library); run after
# `mvn -pl core,agent -am package -DskipTests`:
#
#   agent/scripts/third-party-suites.sh [java-home [suite...]]    (suites: lang3 collections4 text)
#
# Artifacts come from Maven Central through `mvn dependency:copy` into agent/target/suites/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
java_home="${1:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
shift || true
selected=("${@:-lang3 collections4 text}")
selected=(${selected[*]})
java="$java_home/bin/java"
work="$root/agent/target/suites"
mkdir -p "$work"
# A copy: a build replacing the jar under a running suite would break its class loading.
agent="$work/agent-under-test.jar"
cp "$(ls "$root"/agent/target/offline-debug-agent-*.jar | grep -v -e original -e sources | head -1)" "$agent"

fetch() { # directory artifact...
  local dir="$work/$1"
  shift
  mkdir -p "$dir"
  [[ -f "$dir/.fetched" ]] && return
  for artifact in "$@"; do
    mvn -B -q -ntp dependency:copy -Dartifact="$artifact" -DoutputDirectory="$dir" >/dev/null
  done
  touch "$dir/.fetched"
}

opens=()
for p in java.lang java.util java.lang.reflect java.time java.text java.io java.util.concurrent \
    java.util.concurrent.atomic; do
  opens+=(--add-opens "java.base/$p=ALL-UNNAMED")
done

suite() { # name include-glob directory
  local name="$1" include="$2" dir="$work/$3"
  local launcher cp=() tests
  launcher="$(ls "$work"/launcher/junit-platform-console-standalone-*.jar)"
  for jar in "$dir"/*.jar; do cp+=("$jar"); done
  tests="$(ls "$dir"/*-tests.jar)"
  local classpath
  classpath="$(IFS=:; echo "${cp[*]}")"
  for mode in plain agent; do
    local agent_arg=()
    [[ $mode == agent ]] && agent_arg=("-javaagent:$agent=include=$include;verbose=true")
    local out="$work/$name-$mode.txt" start end
    start=$(date +%s)
    (cd "$dir" && "$java" "${agent_arg[@]}" "${opens[@]}" -jar "$launcher" execute \
      --disable-banner --details=summary --class-path "$classpath" \
      --scan-class-path "$tests" >"$out" 2>&1) || true
    end=$(date +%s)
    printf '%-22s %-5s %s | %s | VerifyErrors %s | %ss\n' "$name" "$mode" \
      "$(grep -Eo '[0-9]+ tests successful' "$out" | head -1)" \
      "$(grep -Eo '[0-9]+ tests failed' "$out" | head -1)" \
      "$(grep -c VerifyError "$out" || true)" "$((end - start))"
    [[ $mode == agent ]] && grep -o 'classes=.*' "$out" | sed 's/^/    agent: /' || true
  done
}

fetch launcher org.junit.platform:junit-platform-console-standalone:1.14.4
fetch lang3 org.apache.commons:commons-lang3:3.17.0 org.apache.commons:commons-lang3:3.17.0:jar:tests \
  org.junit-pioneer:junit-pioneer:1.9.1 org.hamcrest:hamcrest:3.0 org.easymock:easymock:5.4.0 \
  net.bytebuddy:byte-buddy:1.14.18 org.objenesis:objenesis:3.4 org.apache.commons:commons-text:1.12.0
fetch collections4 org.apache.commons:commons-collections4:4.5.0 \
  org.apache.commons:commons-collections4:4.5.0:jar:tests org.apache.commons:commons-lang3:3.17.0 \
  org.easymock:easymock:5.4.0 org.objenesis:objenesis:3.4 commons-io:commons-io:2.19.0 \
  commons-codec:commons-codec:1.18.0 com.google.guava:guava-testlib:33.3.1-jre \
  com.google.guava:guava:33.3.1-jre com.google.guava:failureaccess:1.0.2 junit:junit:4.13.2 \
  org.hamcrest:hamcrest-core:1.3
# commons-text's own test dependencies, but GraalVM's JavaScript engine (the script lookup's tests fail
# alike with and without the agent) and JMH.
fetch text org.apache.commons:commons-text:1.12.0 org.apache.commons:commons-text:1.12.0:jar:tests \
  org.apache.commons:commons-lang3:3.14.0 org.assertj:assertj-core:3.25.3 commons-io:commons-io:2.16.1 \
  org.mockito:mockito-core:4.11.0 org.mockito:mockito-inline:4.11.0 net.bytebuddy:byte-buddy:1.14.13 \
  net.bytebuddy:byte-buddy-agent:1.14.13 org.objenesis:objenesis:3.3 \
  org.apache.commons:commons-rng-simple:1.5 org.apache.commons:commons-rng-core:1.5 \
  org.apache.commons:commons-rng-client-api:1.5
echo "JDK: $("$java" -version 2>&1 | head -1)"
for name in "${selected[@]}"; do
  case "$name" in
    lang3) suite commons-lang3 'org.apache.commons.lang3.*' lang3 ;;
    collections4) suite commons-collections4 'org.apache.commons.collections4.*' collections4 ;;
    text) suite commons-text 'org.apache.commons.text.*' text ;;
    *) echo "unknown suite $name (lang3, collections4, text)" >&2; exit 2 ;;
  esac
done
