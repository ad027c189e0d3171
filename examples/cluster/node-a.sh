#!/usr/bin/env bash
# Node a of the cluster "procmobility-demo" (the seed's examples/cluster).
# Placeholder: --cluster is accepted but clusters come with issue 5 (JGroups membership and
# registry); until then the node runs on its own and says so. Start node-b.sh in a second terminal.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
exec "$root/bin/procmobility" node --name a --port 1805 --cluster procmobility-demo \
  --cookie "${PROCMOBILITY_COOKIE:-procmobility-demo-cookie}" "$@"
