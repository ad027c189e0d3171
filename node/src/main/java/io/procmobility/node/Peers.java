package io.procmobility.node;

import io.procmobility.transport.PeerConnection;
import io.procmobility.transport.TransportClient;
import io.procmobility.transport.WireMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes this node knows: their live connection, where they listen, the incarnation their
 * pids carry. {@link #send} reaches a known node whether or not a connection is up: messages
 * wait in order while it connects (a node learned from a redirect or a process's trail).
 */
final class Peers {
    private static final Logger LOG = LoggerFactory.getLogger(Peers.class);
    /** Messages kept for a node while connecting to it; beyond that they are dropped with a warning. */
    private static final int MAX_BACKLOG = 100_000;
    /** Connection attempts for a node with messages waiting (200 ms, 400 ms, ... between them) before they are given up. */
    private static final int MAX_ATTEMPTS = 6;

    /** One peer node: its connection when up, its address, and what waits for it. */
    private static final class PeerNode {
        final String name;
        volatile PeerConnection connection;
        NodeAddress address;
        final ArrayDeque<WireMessage> backlog = new ArrayDeque<>();
        boolean connecting;
        int failedAttempts;

        PeerNode(String name) {
            this.name = name;
        }
    }

    private final String self;
    private final TransportClient client;
    private final java.util.concurrent.ScheduledExecutorService timers;
    private final Map<String, PeerNode> nodes = new ConcurrentHashMap<>();
    private final Map<Long, String> nodeByIncarnation = new ConcurrentHashMap<>();
    private final Map<String, Long> incarnationByNode = new ConcurrentHashMap<>();
    private final Map<String, String> nodeByAddress = new ConcurrentHashMap<>();
    private final Map<PeerConnection, CompletableFuture<String>> greetings = new ConcurrentHashMap<>();
    private final java.util.function.Function<String, NodeAddress> directory;

    /**
     * {@code directory} says where a node listens when this node was never told (in a cluster: the
     * endpoint a member advertises); it answers null for nodes it does not know. {@code timers}
     * paces reconnection attempts.
     */
    Peers(String self, TransportClient client, java.util.function.Function<String, NodeAddress> directory,
            java.util.concurrent.ScheduledExecutorService timers) {
        this.self = self;
        this.client = client;
        this.directory = directory;
        this.timers = timers;
    }

    /** Opens a connection to {@code host:port}; completes with the peer's name once both sides greeted. */
    CompletableFuture<String> connect(String host, int port) {
        PeerConnection connection;
        try {
            connection = client.connect(host, port);
        } catch (IllegalStateException closed) {
            return CompletableFuture.failedFuture(closed); // the node is shutting down
        }
        CompletableFuture<String> greeted = greetings.computeIfAbsent(connection, c -> new CompletableFuture<>());
        // A refused handshake (wrong cookie, version) fails at once, with the transport's reason.
        connection.handshake().whenComplete((ok, failure) -> {
            if (failure != null) {
                greeted.completeExceptionally(failure);
            }
        });
        return greeted;
    }

    /**
     * The name of the node listening on {@code host:port}, connecting first when no connection to
     * it is up (a connection in either direction counts).
     */
    CompletableFuture<String> nodeAt(String host, int port) {
        String known = nodeByAddress.get(key(host, port));
        if (known != null && isConnected(known)) {
            return CompletableFuture.completedFuture(known);
        }
        return connect(host, port);
    }

    /** A peer greeted us on {@code connection}: it is reachable now; what waited for it goes out in order. */
    void greeted(PeerConnection connection, WireMessage.NodeHello hello) {
        String host = connection.remoteAddress() instanceof InetSocketAddress inet ? inet.getHostString() : null;
        PeerNode node = nodes.computeIfAbsent(hello.node(), PeerNode::new);
        synchronized (node) {
            node.connection = connection;
            node.failedAttempts = 0;
            if (host != null && hello.listenPort() > 0) {
                node.address = new NodeAddress(hello.node(), host, hello.listenPort());
                nodeByAddress.put(key(host, hello.listenPort()), hello.node());
            }
            flush(node, connection);
        }
        nodeByIncarnation.put(hello.incarnation(), hello.node());
        incarnationByNode.put(hello.node(), hello.incarnation());
        greetings.computeIfAbsent(connection, c -> new CompletableFuture<>()).complete(hello.node());
    }

    /** A connection closed; true when it was the one in use for its node (the node is now unreachable until reconnected). */
    boolean closed(PeerConnection connection, String reason) {
        CompletableFuture<String> greeted = greetings.remove(connection);
        if (greeted != null) {
            greeted.completeExceptionally(new IllegalStateException("connection closed: " + reason));
        }
        String name = connection.remoteNodeName();
        PeerNode node = name == null ? null : nodes.get(name);
        if (node == null) {
            return false;
        }
        synchronized (node) {
            if (node.connection != connection) {
                return false;
            }
            node.connection = null;
            if (!node.backlog.isEmpty()) {
                reconnect(node);
            }
            return true;
        }
    }

    /** Learns where a node listens (from a redirect or a trail), without connecting yet. */
    void learn(NodeAddress address) {
        if (address.name().equals(self)) {
            return;
        }
        PeerNode node = nodes.computeIfAbsent(address.name(), PeerNode::new);
        synchronized (node) {
            if (node.address == null) {
                node.address = address;
            }
        }
    }

    /**
     * Sends {@code message} to node {@code name}, connecting first when needed (messages keep their
     * order). False when the node is unknown or its backlog is full: the caller counts the loss.
     */
    boolean send(String name, WireMessage message) {
        PeerNode node = nodes.get(name);
        if (node == null) {
            NodeAddress listed = directory.apply(name);
            if (listed == null) {
                return false;
            }
            learn(listed);
            node = nodes.get(name);
            if (node == null) {
                return false;
            }
        }
        synchronized (node) {
            PeerConnection connection = node.connection;
            if (connection != null && connection.isActive() && node.backlog.isEmpty()) {
                connection.send(message);
                return true;
            }
            if (node.address == null) {
                node.address = directory.apply(name);
            }
            if (node.address == null || node.backlog.size() >= MAX_BACKLOG) {
                if (node.address != null) {
                    LOG.warn("node {}: backlog for node {} is full ({} messages) while it cannot be reached; dropping",
                            self, name, MAX_BACKLOG);
                }
                return false;
            }
            node.backlog.add(message);
            if (connection == null || !connection.isActive()) {
                reconnect(node);
            }
            return true;
        }
    }

    /** The connection in use for node {@code name}, or null. */
    PeerConnection connection(String name) {
        PeerNode node = nodes.get(name);
        PeerConnection connection = node == null ? null : node.connection;
        return connection != null && connection.isActive() ? connection : null;
    }

    boolean isConnected(String name) {
        return connection(name) != null;
    }

    /** The node where pids with this incarnation were born, if it ever greeted us. */
    String nodeOf(long incarnation) {
        return nodeByIncarnation.get(incarnation);
    }

    /** The incarnation node {@code name} greeted us with last, or null. */
    Long incarnationOf(String name) {
        return incarnationByNode.get(name);
    }

    /** Where node {@code name} listens, when known. */
    NodeAddress address(String name) {
        PeerNode node = nodes.get(name);
        if (node == null) {
            return null;
        }
        synchronized (node) {
            return node.address;
        }
    }

    Set<String> connectedNames() {
        return nodes.values().stream().filter(n -> {
            PeerConnection c = n.connection;
            return c != null && c.isActive();
        }).map(n -> n.name).collect(Collectors.toUnmodifiableSet());
    }

    /** Starts connecting to a known node (e.g. learned from a redirect) unless connected or connecting. */
    void ensureConnecting(String name) {
        PeerNode node = nodes.get(name);
        if (node != null) {
            synchronized (node) {
                if (node.connection == null || !node.connection.isActive()) {
                    reconnect(node);
                }
            }
        }
    }

    private void reconnect(PeerNode node) {
        NodeAddress listed = directory.apply(node.name);
        if (listed != null) {
            node.address = listed; // a member that restarted elsewhere advertises where it is now
        }
        if (node.connecting || node.address == null) {
            return;
        }
        node.connecting = true;
        NodeAddress address = node.address;
        connect(address.host(), address.port()).whenComplete((name, failure) -> {
            synchronized (node) {
                node.connecting = false;
                if (failure == null || node.backlog.isEmpty() || (node.connection != null && node.connection.isActive())) {
                    return;
                }
                if (++node.failedAttempts < MAX_ATTEMPTS) {
                    // A busy or restarting peer: try again a little later before giving anything up.
                    long delay = 200L << (node.failedAttempts - 1);
                    LOG.info("node {}: cannot reach node {} at {}:{} yet ({}); attempt {} of {} in {} ms", self, node.name,
                            address.host(), address.port(), failure.getMessage(), node.failedAttempts + 1, MAX_ATTEMPTS, delay);
                    scheduleReconnect(node, delay);
                    return;
                }
                LOG.warn("node {}: cannot reach node {} at {}:{} after {} attempts ({}); {} message(s) for it are lost", self,
                        node.name, address.host(), address.port(), MAX_ATTEMPTS, failure.getMessage(), node.backlog.size());
                node.backlog.clear();
                node.failedAttempts = 0;
            }
        });
    }

    private void scheduleReconnect(PeerNode node, long delayMillis) {
        try {
            timers.schedule(() -> {
                synchronized (node) {
                    reconnect(node);
                }
            }, delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the node is shutting down
        }
    }

    private static void flush(PeerNode node, PeerConnection connection) {
        WireMessage message;
        while ((message = node.backlog.poll()) != null) {
            connection.send(message);
        }
    }

    private static String key(String host, int port) {
        try {
            return InetAddress.getByName(host).getHostAddress() + ":" + port;
        } catch (UnknownHostException e) {
            return host + ":" + port;
        }
    }
}
