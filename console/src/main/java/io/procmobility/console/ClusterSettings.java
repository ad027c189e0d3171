package io.procmobility.console;

import java.util.List;
import java.util.Objects;

/**
 * How {@code procmobility node --cluster NAME} joins its cluster (JGroups membership and the
 * replicated registry; see {@code procmobility-cluster-jgroups}).
 *
 * @param name the cluster's name
 * @param members the voting members' node names (a write needs a majority of them)
 * @param port the port JGroups listens on (not the node's own port)
 * @param seeds where the other members' JGroups listen, {@code host:port}
 * @param insecure true only with {@code --cluster-insecure}: no secret, no TLS, no join proof (the
 *     node cookie is the cluster secret otherwise)
 */
record ClusterSettings(String name, List<String> members, int port, List<HostPort> seeds, boolean insecure) {
    ClusterSettings {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
        seeds = List.copyOf(seeds);
    }
}
