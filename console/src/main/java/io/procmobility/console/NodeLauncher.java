package io.procmobility.console;

import io.procmobility.cluster.jgroups.JGroupsCluster;
import io.procmobility.cluster.jgroups.JGroupsClusterConfig;
import io.procmobility.node.MigrationSettings;
import io.procmobility.node.Node;
import io.procmobility.registry.ClusterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.transport.TransportConfig;

/** Starts the node {@link NodeSettings} describe; failures (a taken port, a bad name) become one-line {@link UserError}s. */
final class NodeLauncher {
    private NodeLauncher() {
    }

    static Node start(NodeSettings settings) {
        SerialAllowlist.Builder allow = SerialAllowlist.builder().allowPackage(NodeSettings.EXAMPLES_PATTERN);
        ProcessRuntimeConfig processes;
        TransportConfig transport;
        try {
            settings.allow().forEach(allow::allowPackage);
            processes = ProcessRuntimeConfig.defaults().withCarrierThreads(settings.carriers());
            transport = TransportConfig.builder(settings.name(), settings.cookie())
                    .bindHost(settings.bindHost())
                    .port(settings.port())
                    .allowlist(allow.build())
                    .classLoader(NodeLauncher.class.getClassLoader())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        ClusterSettings cluster = settings.cluster();
        JGroupsClusterConfig.Builder joining = null;
        if (cluster != null) {
            try {
                joining = JGroupsClusterConfig.builder(cluster.name(), settings.name())
                        .members(cluster.members())
                        .bindAddress(InetAddress.getByName(settings.bindHost()))
                        .bindPort(cluster.port())
                        .seeds(cluster.seeds().stream().map(HostPort::toString).toArray(String[]::new));
                if (cluster.insecure()) {
                    joining.insecureWithoutSecret();
                } else {
                    joining.secret(clusterSecret(settings));
                }
                joining.build(); // checks the configuration before anything starts
            } catch (IllegalArgumentException | UnknownHostException e) {
                throw new UserError("bad cluster settings: " + e.getMessage());
            }
        }
        try {
            return joining == null ? Node.start(transport, processes)
                    : Node.start(transport, processes, MigrationSettings.defaults(), JGroupsCluster.joining(joining));
        } catch (RuntimeException e) {
            throw new UserError("cannot start node " + settings.name() + ": " + e.getMessage());
        }
    }

    /** The node cookie, which is the cluster secret: long enough, or a hint to get one that is. */
    private static String clusterSecret(NodeSettings settings) {
        if (settings.cookie().length() < 16) {
            throw new UserError("the cookie is also the secret of cluster " + settings.cluster().name() + " and has "
                    + settings.cookie().length() + " characters; a cluster needs at least 16: use a random cookie (delete "
                    + settings.home().resolve("cookie") + " to get one generated, or set a longer " + CookieSource.ENV + ")");
        }
        return settings.cookie();
    }

    /** The line printed once the node is in its cluster, or null when it is in none. */
    static String clusterLine(Node node, NodeSettings settings) {
        ClusterRegistry registry = node.registry().orElse(null);
        if (!(registry instanceof JGroupsCluster member)) {
            return null;
        }
        return "joined cluster " + settings.cluster().name() + " as " + node.name() + " in " + member.joinTime().toMillis()
                + " ms (cluster port " + member.address().getPort() + "); members now: " + String.join(", ", node.members())
                + " of " + String.join(", ", settings.cluster().members());
    }

    /** The line the console prints once the node listens; scripts and tests read the port from it. */
    static String listeningLine(Node node, NodeSettings settings) {
        return "node " + node.name() + " listening on " + settings.bindHost() + ":" + node.port();
    }
}
