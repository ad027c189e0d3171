#!/usr/bin/env bash
# The demo in one command: builds what it needs (once), starts node a on 1805 and node b on 1806
# in two JVMs, spawns the counter on a, moves it to b mid-loop and back, prints the timeline and
# stops both nodes. Other ports: ./demo.sh 2805 2806
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$root/console/target/procmobility.jar"
if [ ! -f "$jar" ]; then
  echo ">> building $jar (once)"
  (cd "$root" && mvn -B -q -DskipTests -pl console -am package)
fi
java="java"
if [ -n "${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
fi
exec "$java" -cp "$jar" io.procmobility.console.Demo "$@"
