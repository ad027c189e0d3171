#!/usr/bin/env bash
# Node b on port 1806, outside any cluster, connected to node a on 1805 (start node-1805.sh first;
# if a is not up yet, type `connect 127.0.0.1:1805` later). Same cookie as node-1805.sh.
# Extra arguments go to `procmobility node`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
exec "$root/bin/procmobility" node --name b --port 1806 \
  --connect 127.0.0.1:1805 "$@"
