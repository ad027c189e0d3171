#!/usr/bin/env bash
# Node c of the three-node demo cluster (see node.sh): start node-a.sh, node-b.sh and node-c.sh in
# three terminals. Extra arguments go to `procmobility node` (e.g. --verbose).
exec "$(dirname "${BASH_SOURCE[0]}")/node.sh" c "$@"
