package io.procmobility.node;

import io.procmobility.behaviour.BehaviourWireTypes;
import io.procmobility.process.Down;
import io.procmobility.process.ExitReason;
import io.procmobility.process.MonitorRef;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.process.RemoteRouter;
import io.procmobility.registry.ClusterRegistry;
import io.procmobility.registry.NodeDown;
import io.procmobility.registry.NodeDownException;
import io.procmobility.registry.RegistryFactory;
import io.procmobility.serial.SerialAllowlist;
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
 *
 * <h2>In a cluster</h2>
 * Started with a {@link ClusterRegistry} (or a {@link RegistryFactory}, e.g. the JGroups one), a
 * node also:
 * <ul>
 *   <li>reaches other members by name: {@code Destination.node("b")} connects to the endpoint b
 *       advertises, and members connect to each other as they join;
 *   <li>commits a move only once the registry recorded the new owner with the move's epoch (a
 *       majority agreed): on the minority side of a partition a migration fails with a
 *       {@link MigrationException} naming the registry's reason, and the process goes on here;
 *   <li>routes a message for a process that is not here by the registry's owner record when it is
 *       newer than what this node learned itself. A process has no record until it first moves:
 *       until then it is owned by the node it was born on, which its pid names;
 *   <li>registers names cluster-wide ({@code runtime().register} fails with a
 *       {@link io.procmobility.registry.NameTakenException} naming the holder) and finds names of
 *       other nodes ({@code runtime().whereis});
 *   <li>fires {@code Down(..., nodedown)} for monitors (and exit signals {@code nodedown} for links)
 *       on processes of a node the cluster's failure detection removed; messages for processes of a
 *       node marked down are dropped, counted and logged, and {@link #send} refuses them with a
 *       {@link NodeDownException};
 *   <li>releases a process's owner record (and name) when it ends.
 * </ul>
 * Without a registry none of this applies: names are per node, and nodes are reached over TCP.
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
    private final NodeCluster cluster;
    private final ClusterMembership membership;
    private final boolean ownsRegistry;
    private final ArrivalBuffer arrivals;

    /** How long a member may stay unreachable over TCP, not reported down by the cluster, before its monitors fire noconnection. */
    private static final Duration MEMBER_UNREACHABLE_GRACE = Duration.ofSeconds(5);
    /** How long {@code register} waits for the cluster at most (the registry gives up earlier without a quorum). */
    private static final Duration NAME_CLAIM_TIMEOUT = Duration.ofSeconds(30);
    /** How often local names are checked against the registry (they disagree only after a partition). */
    private static final Duration NAME_RECONCILE_INTERVAL = Duration.ofSeconds(2);

    private Node(TransportConfig transport, ProcessRuntimeConfig processes, MigrationSettings migration, ClusterRegistry registry,
            RegistryFactory factory) {
        this.name = transport.nodeName();
        this.runtime = ProcessRuntime.start(processes);
        runtime.nameNode(name);
        Listener listener = new Listener();
        try {
            this.server = TransportServer.start(wired(transport), listener);
        } catch (RuntimeException e) {
            runtime.close(); // e.g. the port is taken: leave no carrier threads behind
            throw e;
        }
        this.client = new TransportClient(wired(transport), listener);
        java.util.concurrent.ScheduledThreadPoolExecutor timerPool = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "procmobility-node-" + name);
            t.setDaemon(true);
            return t;
        });
        // Each migration arms timeouts that are cancelled within a millisecond: drop them at once.
        timerPool.setRemoveOnCancelPolicy(true);
        this.timers = timerPool;
        NodeAddress self = new NodeAddress(name, advertisedHost(transport), server.port());
        this.ownsRegistry = factory != null;
        this.cluster = NodeCluster.none(name);
        this.peers = new Peers(name, client, cluster::endpoint, timers);
        Locations locations = new Locations();
        this.arrivals = new ArrivalBuffer(name);
        this.loader = transport.classLoader() != null ? transport.classLoader() : Node.class.getClassLoader();
        this.router = new NodeRouter(name, runtime, peers, locations, cluster, arrivals);
        SerialAllowlist migrating = migrationAllowlist(transport.allowlist());
        this.origin = new MigrationOrigin(self, runtime, peers, locations, router, migrating, migration, timers, cluster);
        this.destination = new MigrationDestination(self, runtime, peers, locations, router::nodeFor, migrating, loader,
                migration, timers, arrivals, cluster, listener::control);
        runtime.routeRemote(router);
        runtime.onMigrationRequest(origin::requested);
        // Joined last: members dial a node as soon as it joins, and find every part of it ready.
        ClusterRegistry joined = null;
        try {
            joined = factory != null ? factory.open(name, self.host() + ":" + self.port()) : registry;
            if (joined != null) {
                cluster.attach(joined);
            }
        } catch (RuntimeException e) {
            if (factory != null && joined != null) {
                joined.close();
            }
            timers.shutdownNow();
            client.close();
            server.close();
            runtime.close();
            throw e;
        }
        if (cluster.enabled()) {
            ClusterNames names = new ClusterNames(name, cluster.registry(), runtime, NAME_CLAIM_TIMEOUT);
            runtime.useNameService(names);
            runtime.onExit((pid, epoch, reason) -> cluster.released(pid, epoch));
            this.membership = new ClusterMembership(name, cluster, peers, router, timers, MEMBER_UNREACHABLE_GRACE);
            cluster.registry().addMembershipListener(membership);
            membership.start();
            cluster.announce(runtime.incarnation(), timers, Duration.ofMillis(500));
            timers.scheduleWithFixedDelay(names::reconcile, NAME_RECONCILE_INTERVAL.toMillis(), NAME_RECONCILE_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            this.membership = null;
        }
    }

    /**
     * {@code transport} plus what this layer sends that the transport does not know: the
     * behaviours' protocol messages (remote calls). Every node registers the same, so the IDs agree.
     */
    private static TransportConfig wired(TransportConfig transport) {
        return transport.withWireTypes(BehaviourWireTypes.ALL);
    }

    /** A process frozen in {@link Mobility#sendMe} holds its destination on its stack. */
    private static SerialAllowlist migrationAllowlist(SerialAllowlist user) {
        return SerialAllowlist.builder().allowAll(user).allowClass(Destination.Tcp.class).allowClass(Destination.Named.class).build();
    }

    /** Starts a node: its process runtime and its listening socket ({@code transport.port()}, 0 = any free port). */
    public static Node start(TransportConfig transport, ProcessRuntimeConfig processes) {
        return new Node(transport, processes, MigrationSettings.defaults(), null, null);
    }

    /** Starts a node with its own migration timeouts. */
    public static Node start(TransportConfig transport, ProcessRuntimeConfig processes, MigrationSettings migration) {
        return new Node(transport, processes, migration, null, null);
    }

    /**
     * Starts a node of the cluster {@code registry} serves (its {@code localNode()} must be this
     * node's name; see the class comment for what changes in a cluster). The caller keeps the
     * registry: close it after the node.
     */
    public static Node start(TransportConfig transport, ProcessRuntimeConfig processes, MigrationSettings migration,
            ClusterRegistry registry) {
        return new Node(transport, processes, migration, java.util.Objects.requireNonNull(registry, "registry"), null);
    }

    /**
     * Starts a node and joins its cluster: once its socket is bound, {@code cluster} starts the
     * registry, which advertises this node's {@code host:port} to the other members. The node
     * closes the registry when it closes (a clean leave).
     *
     * <pre>{@code
     * Node a = Node.start(transport, ProcessRuntimeConfig.defaults(), MigrationSettings.defaults(),
     *         JGroupsCluster.joining(JGroupsClusterConfig.builder("shop", "a").members("a", "b", "c")
     *                 .bindPort(7800).seeds("127.0.0.1:7800", "127.0.0.1:7801", "127.0.0.1:7802").secret(cookie)));
     * a.migrate(counter.pid(), Destination.node("b")).get();
     * }</pre>
     */
    public static Node start(TransportConfig transport, ProcessRuntimeConfig processes, MigrationSettings migration,
            RegistryFactory cluster) {
        return new Node(transport, processes, migration, null, java.util.Objects.requireNonNull(cluster, "cluster"));
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

    /** The cluster registry this node uses, empty when it is not in a cluster. */
    public Optional<ClusterRegistry> registry() {
        return Optional.ofNullable(cluster.registry());
    }

    /** The members of this node's cluster (this node included), sorted; empty when it is not in a cluster. */
    public Set<String> members() {
        return cluster.members();
    }

    /**
     * Sends {@code message} to {@code pid} like {@code runtime().send}, but refuses a message that
     * could not be delivered because the node {@code pid} lives on is marked down in the cluster
     * (a plain runtime send drops it, counts it and logs why).
     *
     * @throws NodeDownException naming the pid, its node, and when and how that node was detected as down
     */
    public void send(Pid pid, Object message) {
        if (!runtime.isLocal(pid)) {
            String node = router.nodeFor(pid);
            NodeDown down = cluster.down(node);
            if (down != null) {
                throw new NodeDownException("cannot send to process " + pid + ": it lives on node " + node + ", which "
                        + down.describe() + "; the message cannot be delivered until that node rejoins", down);
            }
        }
        runtime.send(pid, message);
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
        if (!runtime.isAlive(pid)) {
            String there = router.nodeFor(pid);
            if (there != null) {
                return CompletableFuture.failedFuture(new MigrationException("cannot migrate " + pid + " from node " + name
                        + ": it does not run here, it lives on node " + there + " (hint: migrate it from node " + there + ")"));
            }
        }
        return origin.migrate(pid, to);
    }

    /** Moves the process registered here as {@code registeredName}; see {@link #migrate(Pid, Destination)}. */
    public CompletableFuture<MigrationResult> migrate(String registeredName, Destination to) {
        Optional<Pid> pid = runtime.whereis(registeredName);
        if (pid.isPresent() && !runtime.isAlive(pid.get())) {
            String there = router.nodeFor(pid.get());
            return CompletableFuture.failedFuture(new MigrationException("cannot migrate '" + registeredName + "' (" + pid.get()
                    + ") from node " + name + ": it does not run here" + (there == null ? "" : ", it lives on node " + there
                    + " (hint: migrate it from node " + there + ")")));
        }
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
        ClusterRegistry registry = cluster.registry();
        if (registry != null) {
            registry.removeMembershipListener(membership);
            if (ownsRegistry) {
                registry.close(); // a clean leave: the others see LEFT, not a failure
            }
        }
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

        /**
         * Monitors, links and exit signals: for a local process, or passed on to where it moved, or
         * held while it is arriving here.
         */
        void control(String from, WireMessage message) {
            Pid target = controlTarget(message);
            if (target != null && !runtime.isAlive(target) && arrivals.hold(target, from, message)) {
                return;
            }
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

        private Pid controlTarget(WireMessage message) {
            if (message instanceof WireMessage.Monitor monitor) {
                return monitor.target();
            } else if (message instanceof WireMessage.Demonitor demonitor) {
                return demonitor.target();
            } else if (message instanceof WireMessage.Link link) {
                return link.to();
            } else if (message instanceof WireMessage.Unlink unlink) {
                return unlink.to();
            } else if (message instanceof WireMessage.ExitSignal signal) {
                return signal.to();
            }
            return null;
        }

        @Override
        public void onClosed(PeerConnection connection, String reason) {
            String peer = connection.remoteNodeName();
            if (peers.closed(connection, reason) && peer != null) {
                LOG.info("node {}: peer {} disconnected ({})", name, peer, reason);
                // Every monitor on a process over there fires now: we can no longer know when it ends.
                // A cluster member is the cluster's failure detection's to judge (nodedown), not the socket's.
                if (membership == null || !membership.disconnected(peer)) {
                    router.nodeDown(peer, ExitReason.NOCONNECTION);
                }
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
