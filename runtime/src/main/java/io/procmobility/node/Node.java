package io.procmobility.node;

import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.transport.PeerConnection;
import io.procmobility.transport.PeerListener;
import io.procmobility.transport.TransportClient;
import io.procmobility.transport.TransportConfig;
import io.procmobility.transport.TransportServer;
import io.procmobility.transport.WireMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM's place in a network of nodes: a process runtime plus an authenticated transport. A
 * message sent to a pid that does not live here goes to the node where the pid was born (known
 * from the pid's incarnation, exchanged right after each handshake). Migration, forwarding and
 * redirects build on this (next steps of the nodes issue).
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final String name;
    private final ProcessRuntime runtime;
    private final TransportServer server;
    private final TransportClient client;
    private final Map<String, PeerConnection> peers = new ConcurrentHashMap<>();
    private final Map<Long, String> nodeByIncarnation = new ConcurrentHashMap<>();
    private final Map<PeerConnection, CompletableFuture<String>> greetings = new ConcurrentHashMap<>();

    private Node(TransportConfig transport, ProcessRuntimeConfig processes) {
        this.name = transport.nodeName();
        this.runtime = ProcessRuntime.start(processes);
        PeerListener listener = new Listener();
        this.server = TransportServer.start(transport, listener);
        this.client = new TransportClient(transport, listener);
        runtime.routeRemote(this::route);
    }

    /** Starts a node: its process runtime and its listening socket ({@code transport.port()}, 0 = any free port). */
    public static Node start(TransportConfig transport, ProcessRuntimeConfig processes) {
        return new Node(transport, processes);
    }

    /** This node's name. */
    public String name() {
        return name;
    }

    /** The port this node listens on. */
    public int port() {
        return server.port();
    }

    /** The node's processes. */
    public ProcessRuntime runtime() {
        return runtime;
    }

    /** Names of the nodes connected to this one (either direction). */
    public Set<String> connectedNodes() {
        return Set.copyOf(peers.keySet());
    }

    /**
     * Connects to the node listening on {@code host:port} and waits until both sides know each
     * other; returns the peer's node name.
     *
     * @throws TimeoutException when the handshake and greeting take longer than {@code timeout}
     */
    public String connect(String host, int port, Duration timeout) throws TimeoutException, InterruptedException {
        PeerConnection connection = client.connect(host, port);
        CompletableFuture<String> greeted = greetings.computeIfAbsent(connection, c -> new CompletableFuture<>());
        // A refused handshake (wrong cookie, version) fails the connect at once, with the transport's reason.
        connection.handshake().whenComplete((ok, failure) -> {
            if (failure != null) {
                greeted.completeExceptionally(failure);
            }
        });
        try {
            return greeted.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot connect node " + name + " to " + host + ":" + port + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            connection.close();
            throw new TimeoutException("node " + name + " could not reach " + host + ":" + port + " within "
                    + timeout.toMillis() + " ms (" + connection.closeReason() + ")");
        }
    }

    private boolean route(Pid to, Object message) {
        String home = nodeByIncarnation.get(to.incarnation());
        PeerConnection connection = home == null ? null : peers.get(home);
        if (connection == null || !connection.isActive()) {
            return false;
        }
        connection.send(new WireMessage.Deliver(to, null, message));
        return true;
    }

    @Override
    public void close() {
        client.close();
        server.close();
        runtime.close();
    }

    @Override
    public String toString() {
        return "Node[" + name + " on port " + port() + "]";
    }

    /** Transport events: greet every new peer, learn who it is, deliver its messages. */
    private final class Listener implements PeerListener {
        @Override
        public void onConnected(PeerConnection connection) {
            connection.send(new WireMessage.NodeHello(name, runtime.incarnation()));
        }

        @Override
        public void onMessage(PeerConnection connection, WireMessage message) {
            if (message instanceof WireMessage.Deliver deliver) {
                runtime.send(deliver.to(), deliver.payload());
            } else if (message instanceof WireMessage.NodeHello hello) {
                greeted(connection, hello);
            } else if (message instanceof WireMessage.Ping ping) {
                connection.send(new WireMessage.Pong(ping.id()));
            }
        }

        @Override
        public void onClosed(PeerConnection connection, String reason) {
            String peer = connection.remoteNodeName();
            if (peer != null && peers.remove(peer, connection)) {
                LOG.info("node {}: peer {} disconnected ({})", name, peer, reason);
            }
            CompletableFuture<String> greeted = greetings.remove(connection);
            if (greeted != null) {
                greeted.completeExceptionally(new IllegalStateException("connection closed: " + reason));
            }
        }

        private void greeted(PeerConnection connection, WireMessage.NodeHello hello) {
            if (!hello.node().equals(connection.remoteNodeName())) {
                LOG.warn("node {}: peer {} at {} greeted as '{}'; closing", name, connection.remoteNodeName(),
                        connection.remoteAddress(), hello.node());
                connection.close();
                return;
            }
            peers.put(hello.node(), connection);
            nodeByIncarnation.put(hello.incarnation(), hello.node());
            greetings.computeIfAbsent(connection, c -> new CompletableFuture<>()).complete(hello.node());
        }
    }
}
