#!/usr/bin/env bash
# One node of the three-node cluster "procmobility-demo" on 127.0.0.1 (the seed's examples/cluster):
#   node a: node port 1805, cluster port 7800
#   node b: node port 1806, cluster port 7801
#   node c: node port 1807, cluster port 7802
# Usage: examples/cluster/node.sh a|b|c [more procmobility node options, e.g. --verbose]
# (node-a.sh, node-b.sh and node-c.sh call it). Start the three in three terminals, in any order: moves
# and names need two of the three up.
# The cookie is also the cluster secret: the cluster's traffic is TLS 1.3 with mutual authentication
# under a key derived from it, and a node without it is refused. All three find the same cookie without
# it ever appearing on a command line (where `ps` would show it): $PROCMOBILITY_COOKIE if you export
# one (at least 16 random characters), else ~/.procmobility/cookie (or $PROCMOBILITY_HOME/cookie),
# created once with 32 random characters, readable by you only.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
name="${1:?usage: $0 a|b|c [options]}"
shift
case "$name" in
  a) index=0 ;;
  b) index=1 ;;
  c) index=2 ;;
  *) echo "node.sh: the demo cluster has nodes a, b and c, not '$name'" >&2; exit 2 ;;
esac
exec "$root/bin/procmobility" node --name "$name" --port $((1805 + index)) \
  --cluster procmobility-demo --members a,b,c --cluster-port $((7800 + index)) \
  --seeds 127.0.0.1:7800,127.0.0.1:7801,127.0.0.1:7802 "$@"
