package io.procmobility.node;

import io.procmobility.process.Down;
import io.procmobility.process.ExitReason;
import io.procmobility.process.MonitorRef;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.process.RemoteRouter;
import io.procmobility.transport.PeerConnection;
import io.procmobility.transport.PeerListener;
import io.procmobility.transport.TransportClient;
import io.procmobility.transport.TransportConfig;
import io.procmobility.transport.TransportServer;
import io.procmobility.transport.WireMessage;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM's place in a network of nodes: a process runtime plus an authenticated transport, and
 * the migration protocol between them. A message sent to a pid that does not live here goes
 * where the process was last seen (a forwarding pointer left when it migrated, or a redirect),
 * else to the node where the pid was born.
 *
 * <pre>{@code
 * try (Node a = Node.start(TransportConfig.builder("a", cookie).port(1805).allowlist(allow).build(),
 *         ProcessRuntimeConfig.defaults())) {
 *     ProcessRef counter = a.runtime().spawn(new Counter());
 *     a.migrate(counter.pid(), Destination.tcp("localhost", 1806)).get();   // counting goes on at 1806
 * }
 * }</pre>
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final String name;
    private final ProcessRuntime runtime;
    private final TransportServer server;
    private final TransportClient client;
    private final Peers peers;
    private final NodeRouter router;
    private final MigrationOrigin origin;
    private final MigrationDestination destination;
    private final ScheduledExecutorService timers;
    private final ClassLoader loader;

    private Node(TransportConfig transport, ProcessRuntimeConfig processes, MigrationSettings migration) {
        this.name = transport.nodeName();
        this.runtime = ProcessRuntime.start(processes);
        runtime.nameNode(name);
        PeerListener listener = new Listener();
        try {
            this.server = TransportServer.start(transport, listener);
        } catch (RuntimeException e) {
            runtime.close(); // e.g. the port is taken: leave no carrier threads behind
            throw e;
        }
        this.client = new TransportClient(transport, listener);
        java.util.concurrent.ScheduledThreadPoolExecutor timerPool = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "procmobility-node-" + name);
            t.setDaemon(true);
            return t;
        });
        // Each migration arms timeouts that are cancelled within a millisecond: drop them at once.
        timerPool.setRemoveOnCancelPolicy(true);
        this.timers = timerPool;
        this.peers = new Peers(name, client, timers);
        Locations locations = new Locations();
        NodeAddress self = new NodeAddress(name, advertisedHost(transport), server.port());
        this.loader = transport.classLoader() != null ? transport.classLoader() : Node.class.getClassLoader();
        this.router = new NodeRouter(name, runtime, peers, locations);
        this.origin = new MigrationOrigin(self, runtime, peers, locations, router, transport.allowlist(), migration, timers);
        this.destination = new MigrationDestination(self, runtime, peers, locations, router::nodeFor, transport.allowlist(), loader,
                migration, timers);
        runtime.routeRemote(router);
        runtime.onMigrationRequest(origin::requested);
    }

    /** Starts a node: its process runtime and its listening socket ({@code transport.port()}, 0 = any free port). */
    public static Node start(TransportConfig transport, ProcessRuntimeConfig processes) {
        return new Node(transport, processes, MigrationSettings.defaults());
    }

    /** Starts a node with its own migration timeouts. */
    public static Node start(TransportConfig transport, ProcessRuntimeConfig processes, MigrationSettings migration) {
        return new Node(transport, processes, migration);
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

    /** The class loader arriving processes (and messages) are resolved in. */
    public ClassLoader loader() {
        return loader;
    }

    /** Names of the nodes connected to this one (either direction). */
    public Set<String> connectedNodes() {
        return peers.connectedNames();
    }

    /**
     * Connects to the node listening on {@code host:port} and waits until both sides know each
     * other; returns the peer's node name.
     *
     * @throws TimeoutException when the handshake and greeting take longer than {@code timeout}
     */
    public String connect(String host, int port, Duration timeout) throws TimeoutException, InterruptedException {
        CompletableFuture<String> greeted = peers.connect(host, port);
        try {
            return greeted.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot connect node " + name + " to " + host + ":" + port + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            greeted.cancel(false);
            throw new TimeoutException("node " + name + " could not reach " + host + ":" + port + " within "
                    + timeout.toMillis() + " ms");
        }
    }

    /**
     * Moves process {@code pid} to {@code to}: the process is asked with a system message, handled
     * by the runtime at its next receive (at once when it waits in one); no code of its own is
     * involved. The future completes when the migration committed, or fails with a
     * {@link MigrationException} saying why the process stayed here.
     */
    public CompletableFuture<MigrationResult> migrate(Pid pid, Destination to) {
        return origin.migrate(pid, to);
    }

    /** Moves the process registered here as {@code registeredName}; see {@link #migrate(Pid, Destination)}. */
    public CompletableFuture<MigrationResult> migrate(String registeredName, Destination to) {
        Optional<Pid> pid = runtime.whereis(registeredName);
        if (pid.isEmpty()) {
            return CompletableFuture.failedFuture(new MigrationException("cannot migrate '" + registeredName + "' from node " + name
                    + ": no process is registered under that name here (hint: node.runtime().processes() lists names)"));
        }
        return migrate(pid.get(), to);
    }

    /**
     * Where this node would send a message for {@code pid} now: its own name when the process
     * lives here, the node a forwarding pointer or redirect names, else the node where the pid was
     * born; empty when none is known.
     */
    public Optional<String> locate(Pid pid) {
        if (runtime.isLocal(pid)) {
            return Optional.of(name);
        }
        return Optional.ofNullable(router.nodeFor(pid));
    }

    /**
     * Processes that arrived here and were accepted, but whose origin has not said yet whether the
     * migration committed (it became unreachable): they are held, not running, and the origin is
     * asked until it answers.
     */
    public Set<Pid> inDoubt() {
        return destination.inDoubt();
    }

    @Override
    public void close() {
        timers.shutdownNow(); // no more migration timeouts or in-doubt queries
        client.close();
        server.close();
        runtime.close();
    }

    @Override
    public String toString() {
        return "Node[" + name + " on port " + port() + "]";
    }

    private static String advertisedHost(TransportConfig transport) {
        String host = transport.bindHost();
        return host == null || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    /** Transport events: greet every new peer, learn who it is, hand each message to its part of the node. */
    private final class Listener implements PeerListener {
        @Override
        public void onConnected(PeerConnection connection) {
            connection.send(new WireMessage.NodeHello(name, runtime.incarnation(), server.port()));
        }

        @Override
        public void onMessage(PeerConnection connection, WireMessage message) {
            String from = connection.remoteNodeName();
            if (message instanceof WireMessage.Deliver deliver) {
                deliver(deliver, from);
            } else if (message instanceof WireMessage.NodeHello hello) {
                greeted(connection, hello);
            } else if (message instanceof WireMessage.Redirect redirect) {
                router.learned(redirect);
            } else if (message instanceof WireMessage.Migrate migrate) {
                destination.migrate(from, migrate);
            } else if (message instanceof WireMessage.MigrateAccept accept) {
                origin.accepted(from, accept);
            } else if (message instanceof WireMessage.MigrateReject reject) {
                origin.rejected(from, reject);
            } else if (message instanceof WireMessage.MigrateCommit commit) {
                destination.commit(from, commit);
            } else if (message instanceof WireMessage.MigrateAbort abort) {
                destination.abort(from, abort);
            } else if (message instanceof WireMessage.MigrateQuery query) {
                origin.queried(from, query);
            } else if (message instanceof WireMessage.Ping ping) {
                connection.send(new WireMessage.Pong(ping.id()));
            } else {
                control(from, message);
            }
        }

        private void deliver(WireMessage.Deliver deliver, String from) {
            if (deliver.payload() instanceof Down down) {
                router.remoteMonitors.removeAnywhere(down.ref());
            }
            if (runtime.isLocal(deliver.to()) || !router.forward(deliver, from)) {
                // Here (or migrating from here: queued), else nowhere known: the runtime counts the drop.
                runtime.deliverNumbered(deliver.to(), deliver.stream(), deliver.seq(), deliver.payload());
            }
        }

        /** Monitors, links and exit signals: for a local process, or passed on to where it moved. */
        private void control(String from, WireMessage message) {
            if (message instanceof WireMessage.Monitor monitor) {
                if (!router.forwardIfMoved(monitor.target(), monitor)) {
                    runtime.acceptMonitor(monitor.watcher(), monitor.target(), monitor.ref());
                }
            } else if (message instanceof WireMessage.Demonitor demonitor) {
                if (!router.forwardIfMoved(demonitor.target(), demonitor)) {
                    runtime.removeMonitor(demonitor.target(), demonitor.ref());
                }
            } else if (message instanceof WireMessage.Link link) {
                if (!router.forwardIfMoved(link.to(), link)) {
                    NodeRouter.RemoteLink local = new NodeRouter.RemoteLink(link.to(), link.from());
                    router.remoteLinks.put(from, local, local);
                    runtime.acceptLink(link.to(), link.from());
                }
            } else if (message instanceof WireMessage.Unlink unlink) {
                if (!router.forwardIfMoved(unlink.to(), unlink)) {
                    router.remoteLinks.remove(from, new NodeRouter.RemoteLink(unlink.to(), unlink.from()));
                    runtime.removeLink(unlink.to(), unlink.from());
                }
            } else if (message instanceof WireMessage.ExitSignal signal) {
                if (!router.forwardIfMoved(signal.to(), signal)) {
                    router.remoteLinks.remove(from, new NodeRouter.RemoteLink(signal.to(), signal.from()));
                    runtime.exitSignal(signal.to(), signal.from(), signal.reason());
                }
            }
        }

        @Override
        public void onClosed(PeerConnection connection, String reason) {
            String peer = connection.remoteNodeName();
            if (peers.closed(connection, reason) && peer != null) {
                LOG.info("node {}: peer {} disconnected ({})", name, peer, reason);
                // Every monitor on a process over there fires now: we can no longer know when it ends.
                router.nodeDown(peer);
                origin.disconnected(peer);
                destination.disconnected(peer);
            }
        }

        private void greeted(PeerConnection connection, WireMessage.NodeHello hello) {
            if (!hello.node().equals(connection.remoteNodeName())) {
                LOG.warn("node {}: peer {} at {} greeted as '{}'; closing", name, connection.remoteNodeName(),
                        connection.remoteAddress(), hello.node());
                connection.close();
                return;
            }
            peers.greeted(connection, hello);
            destination.greeted(hello.node(), hello.incarnation());
        }
    }
}
