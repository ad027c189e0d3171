package io.procmobility.node;

import io.procmobility.process.Arrival;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.transport.WireMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The destination's half of the migration protocol: checks an arriving process (allowlist,
 * classes present, bytecode hashes equal) and accepts or rejects it; holds it, not running, until
 * the origin's commit or abort. If that answer does not come (the connection broke, or it takes
 * too long) the process stays held and the origin is asked until it answers — it decided, and
 * only it knows. An origin that restarted (new incarnation) lost the process it might have
 * resumed, so the one held here starts: it cannot run twice.
 *
 * <p>Messages that reach this node for a process it holds wait in an {@link ArrivalBuffer} (in a
 * cluster, senders may learn the new owner from the registry before the commit arrives) and are
 * delivered once it runs here, or sent on after an abort.
 */
final class MigrationDestination {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationDestination.class);

    /** A process accepted and held until the outcome is known. */
    private static final class Pending {
        final Arrival arrival;
        final String origin;
        final Long originIncarnation;
        ScheduledFuture<?> check;

        Pending(Arrival arrival, String origin, Long originIncarnation) {
            this.arrival = arrival;
            this.origin = origin;
            this.originIncarnation = originIncarnation;
        }
    }

    private final NodeAddress self;
    private final ProcessRuntime runtime;
    private final Peers peers;
    private final Locations locations;
    private final java.util.function.Function<Pid, String> nodeFor;
    private final SerialAllowlist allowlist;
    private final ClassLoader loader;
    private final MigrationSettings settings;
    private final ScheduledExecutorService timers;
    private final ArrivalBuffer arrivals;
    private final NodeCluster cluster;
    private final java.util.function.BiConsumer<String, WireMessage> controls;
    private final Map<Pid, Pending> pending = new ConcurrentHashMap<>();

    MigrationDestination(NodeAddress self, ProcessRuntime runtime, Peers peers, Locations locations,
            java.util.function.Function<Pid, String> nodeFor, SerialAllowlist allowlist, ClassLoader loader, MigrationSettings settings,
            ScheduledExecutorService timers, ArrivalBuffer arrivals, NodeCluster cluster,
            java.util.function.BiConsumer<String, WireMessage> controls) {
        this.self = self;
        this.runtime = runtime;
        this.peers = peers;
        this.locations = locations;
        this.nodeFor = nodeFor;
        this.allowlist = allowlist;
        this.loader = loader;
        this.settings = settings;
        this.timers = timers;
        this.arrivals = arrivals;
        this.cluster = cluster;
        this.controls = controls;
    }

    /** Step 2: check and hold, or refuse with the reason. */
    void migrate(String origin, WireMessage.Migrate migrate) {
        Pid pid = migrate.pid();
        if (pending.containsKey(pid) || runtime.isAlive(pid)) {
            reject(origin, migrate, "process " + pid + " is already " + (pending.containsKey(pid) ? "arriving at" : "running on")
                    + " node " + self.name());
            return;
        }
        Arrival arrival;
        try {
            arrival = runtime.arrive(migrate.process(), allowlist, loader);
        } catch (RuntimeException e) {
            reject(origin, migrate, e.getMessage());
            return;
        }
        if (arrival.epoch() != migrate.epoch()) {
            reject(origin, migrate, "the frozen process has epoch " + arrival.epoch() + " but the request says " + migrate.epoch());
            return;
        }
        Pending held = new Pending(arrival, origin, peers.incarnationOf(origin));
        arrivals.open(pid);
        pending.put(pid, held);
        scheduleQuery(pid, held, settings.outcomeTimeout().toMillis());
        peers.send(origin, new WireMessage.MigrateAccept(pid, migrate.epoch()));
    }

    /** Step 3: the origin committed; install what queued there and run the process. */
    void commit(String from, WireMessage.MigrateCommit commit) {
        Pending held = take(commit.pid(), commit.epoch(), from);
        if (held == null) {
            return; // a repeated commit (answer to a query that crossed the first one)
        }
        try {
            held.arrival.start(commit.queued());
        } catch (IllegalStateException e) {
            LOG.error("node {}: cannot start arriving process {}: {}", self.name(), commit.pid(), e.getMessage());
            releaseHeld(commit.pid());
            return;
        }
        // Only now: until the process was installed, messages for it still had to follow the old pointer.
        locations.remove(commit.pid());
        releaseHeld(commit.pid());
        if (cluster.enabled() && !cluster.isMember(from)) {
            // From a node outside the cluster: no claim recorded it here; record it, so members send straight here.
            cluster.claimHere(commit.pid(), commit.epoch(), "arrived from node " + from + ", outside the cluster");
        }
        LOG.info("node {}: process {} arrived from node {} (epoch {}, {} queued message(s))", self.name(), commit.pid(), from,
                commit.epoch(), commit.queued().size());
        tellTrail(held.arrival);
    }

    /** Step 3, aborted: the process goes on at the origin; drop the copy held here. */
    void abort(String from, WireMessage.MigrateAbort abort) {
        if (take(abort.pid(), abort.epoch(), from) != null) {
            LOG.info("node {}: migration of {} from node {} aborted by the origin", self.name(), abort.pid(), from);
            releaseHeld(abort.pid()); // it goes on at the origin: what waited here follows it there
        }
    }

    /** The connection to {@code node} broke: ask it, as soon as it can be reached again, what it decided. */
    void disconnected(String node) {
        pending.forEach((pid, held) -> {
            if (held.origin.equals(node)) {
                scheduleQuery(pid, held, 0);
            }
        });
    }

    /** A node greeted us: if it is an origin we are in doubt about and it restarted, its decision died with it. */
    void greeted(String node, long incarnation) {
        pending.forEach((pid, held) -> {
            if (held.origin.equals(node) && held.originIncarnation != null && held.originIncarnation != incarnation) {
                Pending taken = take(pid, held.arrival.epoch(), node);
                if (taken != null) {
                    LOG.warn("node {}: origin node {} of arriving process {} restarted before telling the outcome; "
                            + "its copy is gone, so the process starts here", self.name(), node, pid);
                    taken.arrival.start(java.util.List.of());
                    locations.remove(pid);
                    releaseHeld(pid);
                    cluster.claimHere(pid, taken.arrival.epoch(), "its origin restarted before telling the outcome");
                    tellTrail(taken.arrival);
                }
            } else if (held.origin.equals(node)) {
                scheduleQuery(pid, held, 0);
            }
        });
    }

    /** Pids held here waiting for their origin's decision (for listings and tests). */
    java.util.Set<Pid> inDoubt() {
        return java.util.Set.copyOf(pending.keySet());
    }

    private void scheduleQuery(Pid pid, Pending held, long delayMillis) {
        synchronized (held) {
            if (held.check != null) {
                held.check.cancel(false);
            }
            held.check = timers.schedule(() -> query(pid, held), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void query(Pid pid, Pending held) {
        if (pending.get(pid) != held) {
            return;
        }
        if (peers.isConnected(held.origin)) {
            peers.send(held.origin, new WireMessage.MigrateQuery(pid, held.arrival.epoch()));
        } else {
            NodeAddress address = peers.address(held.origin);
            if (address != null) {
                LOG.info("node {}: in doubt about {} (origin node {} unreachable); asking again", self.name(), pid, held.origin);
                peers.connect(address.host(), address.port()); // its greeting re-runs the query (see greeted)
            }
        }
        scheduleQuery(pid, held, settings.queryInterval().toMillis());
    }

    /** Messages that waited for {@code pid}: delivered here if it runs here now, else sent on to where it is. */
    private void releaseHeld(Pid pid) {
        for (Object held : arrivals.close(pid)) {
            if (held instanceof io.procmobility.process.QueuedMessage message) {
                runtime.deliverNumbered(pid, message.stream(), message.seq(), message.payload());
            } else if (held instanceof ArrivalBuffer.Control control) {
                controls.accept(control.from(), control.message());
            }
        }
    }

    private Pending take(Pid pid, long epoch, String from) {
        Pending held = pending.get(pid);
        if (held == null || held.arrival.epoch() != epoch || !held.origin.equals(from) || !pending.remove(pid, held)) {
            return null;
        }
        synchronized (held) {
            if (held.check != null) {
                held.check.cancel(false);
            }
        }
        return held;
    }

    /**
     * Every node the process left forwards to it: point them straight here (one hop at most, no
     * chains). The nodes of its monitors and links learn it too, so that their noconnection
     * watch follows it.
     */
    private void tellTrail(Arrival arrival) {
        WireMessage.Redirect here = new WireMessage.Redirect(arrival.pid(), self.name(), arrival.epoch(), self.host(), self.port());
        java.util.Set<String> told = new java.util.HashSet<>();
        for (String entry : arrival.trail()) {
            NodeAddress node = NodeAddress.decode(entry);
            if (node != null && !node.name().equals(self.name()) && told.add(node.name())) {
                peers.learn(node);
                peers.send(node.name(), here);
            }
        }
        for (Pid contact : arrival.contacts()) {
            String node = runtime.isLocal(contact) ? null : nodeFor.apply(contact);
            if (node != null && told.add(node)) {
                peers.send(node, here); // the origin tells them too; this covers nodes only we know
            }
        }
    }

    private void reject(String origin, WireMessage.Migrate migrate, String reason) {
        LOG.warn("node {}: rejected process {} from node {}: {}", self.name(), migrate.pid(), origin, reason);
        peers.send(origin, new WireMessage.MigrateReject(migrate.pid(), migrate.epoch(), reason));
    }
}
