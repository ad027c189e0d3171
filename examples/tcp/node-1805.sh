#!/usr/bin/env bash
# Node a on port 1805, outside any cluster (the seed's examples/tcp). Start it first, then
# examples/tcp/node-1806.sh in a second terminal. Both use the same cookie,
# never on the command line: $PROCMOBILITY_COOKIE if set, else ~/.procmobility/cookie, created once.
# Extra arguments go to `procmobility node` (e.g. --verbose).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
exec "$root/bin/procmobility" node --name a --port 1805 "$@"
