#!/usr/bin/env bash
# Builds the benchmarks jar and runs the JMH benchmarks on the default JDK and, when present, on
# JDK 25 (needed for the Loom baseline). Writes JMH JSON to benchmarks/results/ and prints a table
# of ratios against the baselines measured in the same run.
#
#   benchmarks/run.sh                     # everything, short settings (~12 min on 2 cores)
#   benchmarks/run.sh Fib                 # only benchmarks matching these JMH regexps
#   JMH_OPTS="-f 2 -wi 5 -i 10" benchmarks/run.sh
#   SKIP_BUILD=1 JDKS=25 benchmarks/run.sh SuspendResume
#   benchmarks/run.sh Process             # process benchmarks + IdleMemory (~4.5 min)
#   benchmarks/run.sh Migration           # two JVMs: migration latency, migrations/s, remote messaging (~3 min)
#   MIGRATION_RUNS=3 benchmarks/run.sh Migration --seconds=5    # 3 runs per setting; options go to MigrationBench
#
# Environment: JMH_OPTS (JMH settings), SKIP_BUILD=1 (reuse target/benchmarks.jar),
# JDK25_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), JDKS ("default 25", "default" or "25"),
# IDLE_MEMORY (auto: run IdleMemory, 100,000 suspended processes, when no filter is given or a
# filter mentions "Process"; 1: always; 0: never), IDLE_PROCESSES (default 100000).
# Migration (not JMH: MigrationBench is node a and forks node b): MIGRATION_RUNS (default 1),
# MIGRATION_VERIFY ("off on": capture check off and on, both JVMs), JDKS as above but default "default".
# Do not pass -jvmArgs/-jvmArgsAppend: they replace the forks' own options (carrier executor,
# --add-exports for Loom).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
results="$here/results"
JMH_OPTS="${JMH_OPTS:--f 1 -wi 4 -w 500ms -i 10 -r 500ms}"
JDK25_HOME="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
jdks_given="${JDKS:-}"
JDKS="${JDKS:-default 25}"

if [[ "${SKIP_BUILD:-0}" != "1" || ! -f "$jar" ]]; then
  echo ">> building $jar"
  (cd "$root" && mvn -q -pl benchmarks -am package -DskipTests)
fi
mkdir -p "$results"

default_java="java"
if [[ -n "${JAVA_HOME:-}" ]]; then default_java="$JAVA_HOME/bin/java"; fi

feature() { # major version of a java binary
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?"; }

if [[ "${1:-}" == "Migration" ]]; then
  shift # the rest are MigrationBench options, e.g. --seconds=5
  runs="${MIGRATION_RUNS:-1}"
  outputs=()
  for which in ${jdks_given:-default}; do
    case "$which" in
      default) java_bin="$default_java" ;;
      25) java_bin="$JDK25_HOME/bin/java" ;;
      *) echo "unknown JDK '$which' (use: default 25)" >&2; exit 2 ;;
    esac
    if [[ ! -x "$(command -v "$java_bin")" ]]; then
      echo ">> no java at $java_bin: skipping" >&2
      continue
    fi
    version="$(feature "$java_bin")"
    for run in $(seq 1 "$runs"); do
      for verify in ${MIGRATION_VERIFY:-off on}; do
        flag=()
        if [[ "$verify" == "off" ]]; then flag=(-Dprocmobility.verifyCapture=false); fi
        out="$results/migration-jdk$version-verify-$verify-run$run.txt"
        echo ">> JDK $version, capture check $verify, run $run/$runs: $java_bin ${flag[*]:-} -cp $jar io.procmobility.benchmarks.MigrationBench ${*:-}"
        "$java_bin" "${flag[@]}" -cp "$jar" io.procmobility.benchmarks.MigrationBench "$@" 2>&1 | grep -v '^SLF4J' | tee "$out"
        outputs+=("$out")
      done
    done
  done
  echo
  "$default_java" -cp "$jar" io.procmobility.benchmarks.MigrationReport "${outputs[@]}" | tee "$results/migration-table.md"
  exit 0
fi
files=()
idle_files=()
notes=()
IDLE_PROCESSES="${IDLE_PROCESSES:-100000}"
idle_memory="${IDLE_MEMORY:-auto}"
if [[ "$idle_memory" == "auto" ]]; then
  idle_memory=0
  if (( $# == 0 )); then idle_memory=1; fi
  for filter in "$@"; do
    if [[ "$filter" == *Process* ]]; then idle_memory=1; fi
  done
fi
ran=""
for which in $JDKS; do
  case "$which" in
    default) java_bin="$default_java" ;;
    25)
      if [[ ! -x "$JDK25_HOME/bin/java" ]]; then
        echo ">> no JDK 25 at $JDK25_HOME: skipping the JDK 25 run (and the Loom baseline)"
        continue
      fi
      java_bin="$JDK25_HOME/bin/java" ;;
    *) echo "unknown JDK '$which' in JDKS (use: default 25)" >&2; exit 2 ;;
  esac
  version="$(feature "$java_bin")"
  if [[ " $ran " == *" $version "* ]]; then
    echo ">> JDK $version already measured: skipping '$which'"
    continue
  fi
  ran="$ran $version"
  extra=()
  if (( version < 21 )); then
    echo ">> JDK $version has no jdk.internal.vm.Continuation nor virtual threads: leaving out those baselines"
    extra+=(-e '\.loom$|VirtualThreads$')
  fi
  out="$results/jmh-jdk$version.json"
  echo ">> JDK $version ($java_bin): java -jar $jar $JMH_OPTS ${extra[*]:-} ${*:-} -rf json -rff $out"
  # shellcheck disable=SC2086 # JMH_OPTS is a list of options
  before="$(load)"
  "$java_bin" -jar "$jar" $JMH_OPTS "${extra[@]}" "$@" -rf json -rff "$out" | tee "$results/jmh-jdk$version.log"
  files+=("$out")
  notes+=("JDK $version: load average before $before, after $(load) (2 cores: above ~1.5, other processes share the CPUs)")
  if [[ "$idle_memory" == "1" ]]; then
    idle="$results/idle-memory-jdk$version.txt"
    echo ">> JDK $version: $java_bin -cp $jar io.procmobility.benchmarks.IdleMemory $IDLE_PROCESSES"
    before="$(load)"
    "$java_bin" -cp "$jar" io.procmobility.benchmarks.IdleMemory "$IDLE_PROCESSES" 2>&1 | grep -v '^SLF4J' | tee "$idle"
    idle_files+=("$idle")
    notes+=("JDK $version IdleMemory: load average before $before, after $(load)")
  fi
done

if (( ${#files[@]} == 0 )); then
  echo "no JDK was run" >&2
  exit 1
fi
echo
{
  "$default_java" -cp "$jar" io.procmobility.benchmarks.Report "${files[@]}" "${idle_files[@]}"
  echo
  echo "JMH options: $JMH_OPTS ${*:-}; scores are medians of the measurement iterations (min–max)."
  for note in "${notes[@]}"; do echo "- $note"; done
} | tee "$results/table.md"
