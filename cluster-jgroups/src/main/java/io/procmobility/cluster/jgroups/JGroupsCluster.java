package io.procmobility.cluster.jgroups;

import io.procmobility.process.Pid;
import io.procmobility.registry.ClusterRegistry;
import io.procmobility.registry.Location;
import io.procmobility.registry.MembershipListener;
import io.procmobility.registry.NodeDown;
import io.procmobility.registry.RegistryException;
import io.procmobility.registry.RegistryFactory;
import io.procmobility.registry.RegistryTable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.protocols.DISCARD;
import org.jgroups.protocols.raft.Log;
import org.jgroups.protocols.raft.RAFT;
import org.jgroups.raft.RaftHandle;
import org.jgroups.stack.IpAddress;
import org.jgroups.util.ExtendedUUID;
import org.jgroups.util.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's membership in a JGroups cluster and its copy of the cluster-wide registry: the
 * {@link ClusterRegistry} for nodes that run in a cluster.
 *
 * <ul>
 *   <li><b>Membership</b>: TCP with static discovery (the configured seeds; no multicast), fast
 *       join, failure detection in about a second on a LAN (see {@link JGroupsClusterConfig}),
 *       merging after a partition heals, a clean leave on {@link #close()}.
 *   <li><b>Records</b>: owner records (pid → node, epoch) and names are a Raft-replicated state
 *       machine (jgroups-raft): a write commits only with a majority of the configured members,
 *       so the minority side of a partition can neither claim a process nor register a name, and no
 *       two nodes can ever both hold a committed claim on one pid with the same epoch. Reads answer
 *       from this node's replica, without any network round trip.
 *   <li><b>Node failures</b>: the coordinator of a majority view records a departed node as down;
 *       its names are released and every location on it carries the down record.
 * </ul>
 *
 * <p>The Raft log is kept in memory: nothing is written to disk, and a node that restarts starts
 * from an empty replica and catches up from the others (so at most a minority should restart at
 * once; if every member restarts, the records start empty, like the processes they describe).
 *
 * <pre>{@code
 * try (JGroupsCluster cluster = JGroupsCluster.start(JGroupsClusterConfig.builder("shop", "a")
 *         .members("a", "b", "c").bindPort(7800)
 *         .seeds("127.0.0.1:7800", "127.0.0.1:7801", "127.0.0.1:7802").secret(cookie).build())) {
 *     cluster.registerName("orders", pid).join();
 *     cluster.whereis("orders");            // on any node, once committed
 * }
 * }</pre>
 */
public final class JGroupsCluster implements ClusterRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(JGroupsCluster.class);
    /** Payload of the message a node multicasts just before leaving, so others report LEFT, not FAILED. */
    private static final byte[] LEAVING = "procmobility:leaving".getBytes(StandardCharsets.US_ASCII);
    /** Each member's answer to {@link #LEAVING}: the leaver waits for them (briefly) before it leaves. */
    private static final byte[] LEAVING_SEEN = "procmobility:leaving-seen".getBytes(StandardCharsets.US_ASCII);
    private static final long LEAVE_ANNOUNCEMENT_MILLIS = 500;
    /** Refused peers are logged once per source address per interval ({@link RefusalLog}). */
    private static final Duration REFUSAL_LOG_INTERVAL = Duration.ofSeconds(60);

    private final JGroupsClusterConfig config;
    private final String node;
    private final ExecutorService events;
    private final ScheduledExecutorService timer;
    private final ExecutorService sender;
    private final RegistryTable table = new RegistryTable();
    private final Membership membership;
    private final JChannel channel;
    private final RAFT raft;
    private final RaftHandle raftHandle;
    private final RaftWriter writer;
    private final NodeStatusReconciler reconciler;
    private final FaultInjector faults;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final RefusalLog refusals;
    private final ClusterTcp transport;
    private final Set<Address> leaveAcknowledgedBy = ConcurrentHashMap.newKeySet();
    private volatile Duration joinTime;
    private volatile Thread eventsThread;

    private JGroupsCluster(JGroupsClusterConfig config, ClusterCredentials credentials) throws Exception {
        this.config = config;
        this.node = config.nodeName();
        this.events = Executors.newSingleThreadExecutor(threads("events"));
        this.timer = Executors.newSingleThreadScheduledExecutor(threads("timer"));
        this.sender = Executors.newSingleThreadExecutor(threads("sender"));
        Suspicions suspicions = new Suspicions();
        this.membership = new Membership(node, config.majority(), suspicions, events);
        this.refusals = new RefusalLog(node, REFUSAL_LOG_INTERVAL);
        ClusterStack.Built stack = ClusterStack.build(config, bindPort(config), suspicions,
                "procmobility-" + config.clusterName() + "-" + node + "-" + UUID.randomUUID(), credentials, refusals);
        this.transport = stack.transport();
        this.raft = stack.raft();
        this.channel = new JChannel(stack.protocols());
        channel.name(node);
        if (config.endpoint() != null) {
            channel.addAddressGenerator(() -> ExtendedUUID.randomUUID(node)
                    .put(Membership.ENDPOINT_KEY, Util.stringToBytes(config.endpoint())));
        }
        DISCARD discard = stack.discard();
        this.faults = discard == null ? null : new FaultInjector(node, discard);
        this.raftHandle = new RaftHandle(channel, new RegistryStateMachine(node, table, new Applied()));
        this.writer = new RaftWriter(node, raftHandle, sender, timer, events, config.writeTimeout(), this::quorumDiagnosis,
                membership::quorumLost);
        this.reconciler = new NodeStatusReconciler(node, config.majority(), membership, table, writer, timer);
        channel.setReceiver(new ChannelReceiver());
    }

    /**
     * The configured port, or for 0 a free port chosen now: JGroups' TCP transport refuses port 0
     * with static discovery (TCPPING is not a "dynamic" discovery protocol), so we pick one.
     */
    private static int bindPort(JGroupsClusterConfig config) throws IOException {
        if (config.bindPort() != 0) {
            return config.bindPort();
        }
        try (ServerSocket probe = new ServerSocket(0, 1, config.bindAddress())) {
            return probe.getLocalPort();
        }
    }

    /**
     * Starts a node and joins its cluster (or founds it, when no seed answers within the join
     * timeout); returns once this node is in a view. Writes succeed once a majority of the
     * configured members have joined.
     *
     * @throws RegistryException naming the node, its address and the cause (e.g. the port is taken)
     */
    public static JGroupsCluster start(JGroupsClusterConfig config) {
        Objects.requireNonNull(config, "config");
        return start(config, config.secured() ? CompletableFuture.completedFuture(derive(config)) : null);
    }

    private static ClusterCredentials derive(JGroupsClusterConfig config) {
        return ClusterCredentials.derive(config.clusterName(), config.secret());
    }

    /** Starts with the credentials {@code credentials} is deriving (null: insecure). */
    private static JGroupsCluster start(JGroupsClusterConfig config, CompletableFuture<ClusterCredentials> credentials) {
        if (!config.secured()) {
            LOG.warn("node {}: cluster {} runs WITHOUT a secret (insecureWithoutSecret): its traffic is neither encrypted nor"
                    + " authenticated, and any host that reaches {}:{} can join it, read every record and commit writes;"
                    + " give every member .secret(cookie) unless this network is isolated and trusted", config.nodeName(),
                    config.clusterName(), config.bindAddress().getHostAddress(), config.bindPort());
        }
        JGroupsCluster cluster;
        try {
            cluster = new JGroupsCluster(config, credentials == null ? null : credentials.join());
        } catch (Exception e) {
            throw new RegistryException("cannot set up node " + config.nodeName() + " (" + config + "): " + e.getMessage(), e);
        }
        try {
            long started = System.nanoTime();
            cluster.channel.connect(config.clusterName());
            cluster.joinTime = Duration.ofNanos(System.nanoTime() - started);
        } catch (Exception e) {
            cluster.close();
            throw new RegistryException("node " + config.nodeName() + " could not join cluster " + config.clusterName()
                    + " listening on " + config.bindAddress().getHostAddress() + ":" + config.bindPort() + ": "
                    + e.getMessage() + (config.bindPort() != 0 ? " (is the port taken by another process?)" : ""), e);
        }
        LOG.info("node {} joined cluster {} in {} ms at {} ({}); members {}", cluster.node, config.clusterName(),
                cluster.joinTime.toMillis(), cluster.address(), config.secured() ? "TLS 1.3, mutual authentication" : "INSECURE",
                cluster.members());
        return cluster;
    }

    /**
     * What {@code Node.start(transport, processes, migration, cluster)} needs to join this cluster:
     * once the node's socket is bound, its {@code host:port} becomes {@code config}'s
     * {@link JGroupsClusterConfig.Builder#endpoint endpoint} (so members reach it by name) and the
     * member starts; the node closes it when it closes.
     *
     * <pre>{@code
     * Node a = Node.start(transport, ProcessRuntimeConfig.defaults(), MigrationSettings.defaults(),
     *         JGroupsCluster.joining(JGroupsClusterConfig.builder("shop", "a").members("a", "b", "c")
     *                 .bindPort(7800).seeds("127.0.0.1:7800", "127.0.0.1:7801", "127.0.0.1:7802").secret(cookie)));
     * }</pre>
     *
     * @throws IllegalArgumentException at once if the configuration is incomplete (e.g. no secret), and when the
     *     node starts if it names another node
     */
    public static RegistryFactory joining(JGroupsClusterConfig.Builder config) {
        Objects.requireNonNull(config, "config");
        // Deriving the TLS identity and a first handshake cost a fresh JVM up to a second or more (loading Bouncy
        // Castle and JSSE): they run now, while the node starts its own parts, instead of on the node's start path.
        JGroupsClusterConfig early = config.build();
        CompletableFuture<ClusterCredentials> credentials = !early.secured() ? null : CompletableFuture.supplyAsync(() -> {
            ClusterCredentials derived = derive(early);
            TlsWarmUp.handshake(derived.sslContext());
            return derived;
        }, runnable -> {
            Thread t = new Thread(runnable, "procmobility-cluster-" + early.nodeName() + "-keys");
            t.setDaemon(true);
            t.start();
        });
        return (nodeName, endpoint) -> {
            JGroupsClusterConfig built = config.endpoint(endpoint).build();
            if (!built.nodeName().equals(nodeName)) {
                throw new IllegalArgumentException("node " + nodeName + " cannot join with the cluster configuration of node "
                        + built.nodeName() + "; build it with JGroupsClusterConfig.builder(cluster, \"" + nodeName + "\")");
            }
            return start(built, credentials);
        };
    }

    // ---------------------------------------------------------------- ClusterRegistry

    @Override
    public String localNode() {
        return node;
    }

    @Override
    public Set<String> members() {
        return membership.members();
    }

    /** The configured voting members, up or not. */
    @Override
    public Set<String> configuredMembers() {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(config.members()));
    }

    @Override
    public Optional<String> endpoint(String member) {
        return Optional.ofNullable(membership.endpoint(member));
    }

    @Override
    public void addMembershipListener(MembershipListener listener) {
        membership.addListener(listener);
    }

    @Override
    public void removeMembershipListener(MembershipListener listener) {
        membership.removeListener(listener);
    }

    @Override
    public Optional<Location> locate(Pid pid) {
        return table.locate(pid);
    }

    @Override
    public CompletableFuture<Void> claim(Pid pid, String owner, long epoch) {
        Objects.requireNonNull(pid, "pid");
        requireName(owner, "node");
        return writer.submit(new Command.Claim(pid, owner, epoch));
    }

    @Override
    public CompletableFuture<Void> release(Pid pid, long epoch) {
        Objects.requireNonNull(pid, "pid");
        return writer.submit(new Command.Release(pid, epoch));
    }

    @Override
    public CompletableFuture<Void> registerName(String name, Pid pid) {
        requireName(name, "process name");
        Objects.requireNonNull(pid, "pid");
        return writer.submit(new Command.RegisterName(name, pid, node));
    }

    @Override
    public CompletableFuture<Boolean> unregisterName(String name, Pid pid) {
        requireName(name, "process name");
        Objects.requireNonNull(pid, "pid");
        return writer.submit(new Command.UnregisterName(name, pid));
    }

    @Override
    public Optional<Pid> whereis(String name) {
        return table.whereis(name);
    }

    @Override
    public Optional<NodeDown> nodeDown(String name) {
        return table.nodeDown(name);
    }

    // ---------------------------------------------------------------- cluster specifics

    /** This node's configuration. */
    public JGroupsClusterConfig config() {
        return config;
    }

    /** How long {@link #start} took to get this node into a view. */
    public Duration joinTime() {
        return joinTime;
    }

    /** The address this node's transport listens on (the actual port when configured with 0). */
    public InetSocketAddress address() {
        Object physical = channel.down(new org.jgroups.Event(org.jgroups.Event.GET_PHYSICAL_ADDRESS, channel.getAddress()));
        if (physical instanceof IpAddress ip) {
            return new InetSocketAddress(ip.getIpAddress(), ip.getPort());
        }
        return new InetSocketAddress(config.bindAddress(), config.bindPort());
    }

    /**
     * How many peers this member refused since it started: connections that failed the TLS handshake
     * (no secret, another secret, no TLS) and joins without a valid proof. Each is also logged, with
     * its address, at most once a minute per source address.
     */
    public long refusedAttempts() {
        return refusals.total();
    }

    /** The transport protocol (tests). */
    ClusterTcp transportForTest() {
        return transport;
    }

    /** The current Raft leader's node name, if this node knows one. */
    public Optional<String> leader() {
        Address leader = raft.leader();
        return leader == null ? Optional.empty() : Optional.of(Membership.nodeName(leader));
    }

    /** True when this node sees a majority of the configured members and knows a leader: writes can commit. */
    public boolean hasQuorum() {
        return membership.members().size() >= config.majority() && raft.leader() != null;
    }

    /**
     * Network-fault simulation for tests.
     *
     * @throws IllegalStateException when the cluster was not started with fault injection enabled
     */
    public FaultInjector faults() {
        if (faults == null) {
            throw new IllegalStateException("node " + node + " was started without fault injection; build its config with"
                    + " .faultInjection(true) to simulate partitions");
        }
        return faults;
    }

    /** Takes a Raft snapshot of the registry now and truncates the log (normally automatic past 1 MB). */
    void snapshot() throws Exception {
        raftHandle.snapshot();
    }

    /** The RAFT protocol (tests). */
    RAFT raftForTest() {
        return raft;
    }

    /** The channel (tests: a forged member's direct calls). */
    JChannel channelForTest() {
        return channel;
    }

    /** Submits {@code command} as this member's own code would (tests: a forged member's writes). */
    <T> CompletableFuture<T> submitForTest(Command command) {
        return writer.submit(command);
    }

    /** The local replica (tests). */
    RegistryTable table() {
        return table;
    }

    private String quorumDiagnosis() {
        Address leader = raft.leader();
        return "node " + node + " sees members " + membership.members() + " of the configured " + config.members()
                + " (a write needs " + config.majority() + "), Raft leader: "
                + (leader == null ? "none" : Membership.nodeName(leader));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        reconciler.close();
        announceLeave();
        try {
            channel.disconnect(); // a clean leave: the coordinator installs a view without us at once
        } catch (RuntimeException e) {
            LOG.debug("node {}: disconnect failed: {}", node, e.toString());
        }
        channel.close();
        writer.close();
        try {
            Log log = raft.log();
            if (log != null) {
                log.delete(); // the in-memory log lives in a static map until deleted
            }
        } catch (Exception e) {
            LOG.debug("node {}: could not delete its in-memory Raft log: {}", node, e.toString());
        }
        sender.shutdownNow();
        timer.shutdownNow();
        events.shutdown();
        LOG.info("node {} left cluster {}", node, config.clusterName());
        if (Thread.currentThread() == eventsThread) {
            return; // closed from a listener or a future's callback: the events thread ends after it
        }
        try {
            if (!events.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("node {}: a membership listener or future callback is still running after close", node);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Tells every member that this node is leaving, and waits (at most {@value #LEAVE_ANNOUNCEMENT_MILLIS} ms)
     * until each has seen it, so that all of them report the departure as {@link
     * io.procmobility.registry.LeaveReason#LEFT} rather than as a failure.
     */
    private void announceLeave() {
        View view = channel.getView();
        if (!channel.isConnected() || view == null || view.size() < 2) {
            return;
        }
        try {
            channel.send(new BytesMessage(null, LEAVING));
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LEAVE_ANNOUNCEMENT_MILLIS);
            synchronized (leaveAcknowledgedBy) {
                while (!leaveAcknowledgedBy.containsAll(othersIn(view)) && deadline - System.nanoTime() > 0) {
                    leaveAcknowledgedBy.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("node {}: could not announce its leave: {}", node, e.toString());
        }
    }

    private List<Address> othersIn(View view) {
        List<Address> others = new ArrayList<>(view.getMembers());
        others.remove(channel.getAddress());
        return others;
    }

    @Override
    public String toString() {
        return "JGroupsCluster[" + node + " of " + config.clusterName() + ", members " + members() + "]";
    }

    private ThreadFactory threads(String role) {
        return r -> {
            Thread t = new Thread(r, "procmobility-cluster-" + config.nodeName() + "-" + role);
            t.setDaemon(true);
            if (role.equals("events")) {
                eventsThread = t;
            }
            return t;
        };
    }

    private static void requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a " + what + " must not be blank");
        }
    }

    /** Views and leave announcements from JGroups threads. */
    private final class ChannelReceiver implements Receiver {
        @Override
        public void viewAccepted(View view) {
            if (faults != null) {
                faults.learn(view);
            }
            membership.viewAccepted(view);
            if (membership.quorumLost()) {
                writer.quorumLost();
            }
            reconciler.poke();
        }

        @Override
        public void receive(Message msg) {
            if (is(msg, LEAVING)) {
                membership.leaveAnnounced(msg.getSrc());
                if (!msg.getSrc().equals(channel.getAddress())) {
                    try {
                        channel.send(new BytesMessage(msg.getSrc(), LEAVING_SEEN));
                    } catch (Exception e) {
                        LOG.debug("node {}: could not acknowledge the leave of {}: {}", node, msg.getSrc(), e.toString());
                    }
                }
            } else if (is(msg, LEAVING_SEEN)) {
                synchronized (leaveAcknowledgedBy) {
                    leaveAcknowledgedBy.add(msg.getSrc());
                    leaveAcknowledgedBy.notifyAll();
                }
            }
        }

        private boolean is(Message msg, byte[] payload) {
            return msg.hasArray() && Arrays.equals(msg.getArray(), msg.getOffset(), msg.getOffset() + msg.getLength(),
                    payload, 0, payload.length);
        }
    }

    /** Applied commands (RAFT thread): complete our callers, re-check node records after membership reports. */
    private final class Applied implements RegistryStateMachine.Listener {
        @Override
        public void applied(CommandCodec.RequestId id, Command command, Object result, RuntimeException refusal) {
            writer.applied(id, result, refusal);
            if (command instanceof Command.NodeUp || command instanceof Command.MarkNodeDown) {
                reconciler.poke();
            }
        }

        @Override
        public void snapshotInstalled() {
            reconciler.poke();
        }
    }
}
