package io.procmobility.console;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code procmobility node} was asked for.
 *
 * @param name the node's name
 * @param bindHost the address to listen on
 * @param port the port to listen on (0: any free port; the console prints the one it got)
 * @param cookie the cluster cookie, shared by every node that may connect
 * @param connect nodes to connect to at start
 * @param allow class patterns that may travel between nodes, besides the examples
 * @param carriers carrier threads for processes
 * @param home where the console keeps its history (and the generated cookie)
 * @param cluster the cluster to join, or null for none
 */
record NodeSettings(String name, String bindHost, int port, String cookie, List<HostPort> connect, List<String> allow,
                    int carriers, Path home, ClusterSettings cluster) {
    /** Patterns always allowed: the examples can be sent and moved everywhere. */
    static final String EXAMPLES_PATTERN = "io.procmobility.examples.**";

    NodeSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(cookie, "cookie");
        connect = List.copyOf(connect);
        allow = List.copyOf(allow);
        Objects.requireNonNull(home, "home");
    }

    /** The history file of this node's console: one per node name, under {@link #home()}. */
    Path historyFile() {
        return home.resolve("history-" + name.replaceAll("[^A-Za-z0-9_.-]", "_"));
    }
}
