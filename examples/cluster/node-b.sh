#!/usr/bin/env bash
# Node b of the cluster "procmobility-demo". Placeholder until issue 5 (see node-a.sh); it connects
# to node a over TCP meanwhile, so the two can already talk.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
exec "$root/bin/procmobility" node --name b --port 1806 --cluster procmobility-demo \
  --cookie "${PROCMOBILITY_COOKIE:-procmobility-demo-cookie}" \
  --connect 127.0.0.1:1805 "$@"
