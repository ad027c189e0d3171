package io.procmobility.node;

import java.util.Objects;

/**
 * A node's name and where it listens: what a process's trail records for each node that
 * forwards to it, and what redirects carry so that a node can reach a peer it was never told
 * about. Written {@code name@host:port}.
 */
record NodeAddress(String name, String host, int port) {
    NodeAddress {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
    }

    String encode() {
        return name + "@" + host + ":" + port;
    }

    /** The address written by {@link #encode()}, or null when {@code text} is not one (logged by the caller). */
    static NodeAddress decode(String text) {
        int at = text.lastIndexOf('@');
        int colon = text.lastIndexOf(':');
        if (at <= 0 || colon < at + 2 || colon == text.length() - 1) {
            return null;
        }
        try {
            return new NodeAddress(text.substring(0, at), text.substring(at + 1, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
