package io.procmobility.node;

import java.util.Objects;

/**
 * Where a process should go: a node reached over plain TCP ({@code tcp://host:port}, possibly of
 * another cluster) or a node of this node's cluster, by name.
 */
public sealed interface Destination {
    /** A node listening on {@code host:port}, reached over plain TCP (the seed's {@code {tcp, Host, Port}}). */
    static Destination tcp(String host, int port) {
        return new Tcp(host, port);
    }

    /** A node of this node's cluster, by name. */
    static Destination node(String name) {
        return new Named(name);
    }

    /**
     * Parses {@code tcp://host:port} or a bare node name, as typed in the console.
     *
     * @throws IllegalArgumentException with the accepted forms when {@code text} is neither
     */
    static Destination parse(String text) {
        Objects.requireNonNull(text, "destination");
        String trimmed = text.trim();
        if (trimmed.startsWith("tcp://")) {
            String address = trimmed.substring("tcp://".length());
            int colon = address.lastIndexOf(':');
            if (colon <= 0 || colon == address.length() - 1) {
                throw new IllegalArgumentException("bad destination '" + text + "': expected tcp://host:port, e.g. tcp://localhost:1806");
            }
            try {
                return tcp(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad destination '" + text + "': port must be a number, e.g. tcp://localhost:1806");
            }
        }
        if (trimmed.isEmpty() || trimmed.contains("/") || trimmed.contains(":")) {
            throw new IllegalArgumentException("bad destination '" + text + "': expected a node name (e.g. b) or tcp://host:port");
        }
        return node(trimmed);
    }

    /** A node reached over plain TCP. */
    record Tcp(String host, int port) implements Destination {
        public Tcp {
            Objects.requireNonNull(host, "host");
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not a TCP port (1-65535)");
            }
        }

        @Override
        public String toString() {
            return "tcp://" + host + ":" + port;
        }
    }

    /** A node of the same cluster, by name. */
    record Named(String name) implements Destination {
        public Named {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a node name cannot be blank");
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
