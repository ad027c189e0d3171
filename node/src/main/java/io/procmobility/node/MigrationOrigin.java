package io.procmobility.node;

import io.procmobility.process.Departure;
import io.procmobility.process.Handover;
import io.procmobility.process.MonitorRef;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.QueuedMessage;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.transport.WireMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The origin's half of the migration protocol (DESIGN §4): freeze, MIGRATE, wait for ACCEPT,
 * then decide. The decision is taken once, here, and remembered: COMMIT (forwarding pointer
 * installed, queued messages handed over in the commit itself) or ABORT (the process resumes
 * here, nothing lost). A destination that lost the connection before hearing it asks again with
 * a query and gets the same answer, so a process is never lost and never runs twice.
 *
 * <p>In a cluster, the decision to commit also needs the registry: after the ACCEPT, the origin
 * claims the process for the destination with the move's epoch, and commits only once the claim
 * is recorded by a majority. A refused or failed claim (no quorum on this side of a partition, a
 * stale epoch, the destination marked down) aborts the move. A claim that failed without a clear
 * answer may still be recorded later; the process then goes on here with a higher epoch, claimed
 * for this node, so its next move outranks the late record.
 */
final class MigrationOrigin {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationOrigin.class);
    /** Decisions remembered for destinations that ask late. */
    private static final int REMEMBERED_DECISIONS = 10_000;

    /** A migration waiting for the destination's answer. */
    private static final class Outgoing {
        final Departure departure;
        final String destination;
        final CompletableFuture<MigrationResult> result;
        ScheduledFuture<?> timeout;
        boolean decided;
        /** Accepted, and the ownership claim is in flight: only its outcome decides. */
        boolean claiming;

        Outgoing(Departure departure, String destination, CompletableFuture<MigrationResult> result) {
            this.departure = departure;
            this.destination = destination;
            this.result = result;
        }
    }

    /** What was decided for a migration, with the messages a commit handed over. */
    private record Decision(boolean committed, String destination, List<QueuedMessage> queued) {
    }

    private record Key(Pid pid, long epoch) {
    }

    private final String self;
    private final NodeAddress selfAddress;
    private final ProcessRuntime runtime;
    private final Peers peers;
    private final Locations locations;
    private final NodeRouter router;
    private final SerialAllowlist allowlist;
    private final MigrationSettings settings;
    private final ScheduledExecutorService timers;
    private final NodeCluster cluster;
    private final Map<Pid, CompletableFuture<MigrationResult>> requested = new ConcurrentHashMap<>();
    private final Map<Pid, Outgoing> outgoing = new ConcurrentHashMap<>();
    private final Map<Key, Decision> decisions = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Decision> eldest) {
            return size() > REMEMBERED_DECISIONS;
        }
    };

    MigrationOrigin(NodeAddress selfAddress, ProcessRuntime runtime, Peers peers, Locations locations, NodeRouter router,
            SerialAllowlist allowlist, MigrationSettings settings, ScheduledExecutorService timers, NodeCluster cluster) {
        this.self = selfAddress.name();
        this.selfAddress = selfAddress;
        this.runtime = runtime;
        this.peers = peers;
        this.locations = locations;
        this.router = router;
        this.allowlist = allowlist;
        this.settings = settings;
        this.timers = timers;
        this.cluster = cluster;
    }

    /** From outside the process: asks it to move at its next receive; the future says how it went. */
    CompletableFuture<MigrationResult> migrate(Pid pid, Destination destination) {
        CompletableFuture<MigrationResult> result = new CompletableFuture<>();
        if (requested.putIfAbsent(pid, result) != null) {
            result.completeExceptionally(new MigrationException("cannot migrate " + pid + " from node " + self
                    + ": a migration of it is already in progress"));
            return result;
        }
        try {
            runtime.requestMigration(pid, destination);
        } catch (IllegalStateException e) {
            requested.remove(pid, result);
            result.completeExceptionally(new MigrationException("cannot migrate " + pid + " from node " + self + ": " + e.getMessage()
                    + " (hint: node.runtime().processes() lists what runs here)", e));
        }
        return result;
    }

    /** The runtime froze {@code pid} in place for a move to {@code target} (sendMe or {@link #migrate}). */
    void requested(Pid pid, Object target) {
        CompletableFuture<MigrationResult> result = requested.computeIfAbsent(pid, p -> new CompletableFuture<>());
        if (!(target instanceof Destination destination)) {
            fail(pid, result, "cannot migrate " + pid + ": " + target + " is not a Destination", null);
            return;
        }
        CompletableFuture<String> node;
        if (destination instanceof Destination.Tcp tcp) {
            node = peers.nodeAt(tcp.host(), tcp.port());
        } else {
            node = byName(((Destination.Named) destination).name());
        }
        ScheduledFuture<?> connectTimeout = node.isDone() ? null : timers.schedule(() -> node.completeExceptionally(
                new IllegalStateException("no answer from " + destination + " within " + settings.acceptTimeout().toMillis() + " ms")),
                settings.acceptTimeout().toMillis(), TimeUnit.MILLISECONDS);
        node.whenComplete((name, failure) -> {
            if (connectTimeout != null) {
                connectTimeout.cancel(false);
            }
            if (failure != null) {
                fail(pid, result, "cannot migrate " + pid + " from node " + self + " to " + destination + ": "
                        + rootMessage(failure), failure);
            } else if (name.equals(self)) {
                fail(pid, result, "cannot migrate " + pid + " to " + destination + ": that is node " + self + " itself", null);
            } else {
                send(pid, name, result);
            }
        });
    }

    /**
     * The node called {@code name}: connected already, or (in a cluster) reached at the endpoint it
     * advertises; a member marked down fails at once, saying why.
     */
    private CompletableFuture<String> byName(String name) {
        if (name.equals(self)) {
            return CompletableFuture.completedFuture(name);
        }
        if (cluster.down(name) != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(cluster.unreachable(name)));
        }
        if (peers.isConnected(name)) {
            return CompletableFuture.completedFuture(name);
        }
        NodeAddress address = cluster.endpoint(name);
        if (address == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(cluster.unreachable(name)));
        }
        return peers.nodeAt(address.host(), address.port()).thenApply(actual -> {
            if (!actual.equals(name)) {
                throw new IllegalStateException("member " + name + " advertises " + address.host() + ":" + address.port()
                        + ", but node " + actual + " answers there (node names must be unique)");
            }
            return actual;
        });
    }

    private void send(Pid pid, String destination, CompletableFuture<MigrationResult> result) {
        Departure departure;
        try {
            departure = runtime.depart(pid, allowlist, selfAddress.encode());
        } catch (RuntimeException e) {
            fail(pid, result, "cannot migrate " + pid + " from node " + self + " to node " + destination + ": " + e.getMessage(), e);
            return;
        }
        Outgoing out = new Outgoing(departure, destination, result);
        outgoing.put(pid, out);
        synchronized (out) {
            out.timeout = timers.schedule(() -> abort(pid, out, "node " + destination + " did not answer within "
                    + settings.acceptTimeout().toMillis() + " ms", true), settings.acceptTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        LOG.debug("node {}: migrating {} (epoch {}, {} bytes) to node {}", self, pid, departure.epoch(), departure.bytes().length,
                destination);
        if (!peers.send(destination, new WireMessage.Migrate(pid, departure.epoch(), departure.bytes()))) {
            abort(pid, out, "node " + destination + " cannot be reached", false);
        }
    }

    /** The destination holds the process: commit, hand over what queued, point here to there. */
    void accepted(String from, WireMessage.MigrateAccept accept) {
        Outgoing out = outgoing.get(accept.pid());
        if (out == null || out.departure.epoch() != accept.epoch() || !out.destination.equals(from)) {
            // We aborted already (timeout) and told it so; say it again in case that was lost.
            peers.send(from, new WireMessage.MigrateAbort(accept.pid(), accept.epoch()));
            return;
        }
        Pid pid = accept.pid();
        long epoch = accept.epoch();
        synchronized (out) {
            if (out.decided || out.claiming) {
                return;
            }
            out.timeout.cancel(false);
            if (!cluster.enabled()) {
                out.decided = true;
            } else {
                out.claiming = true;
            }
        }
        if (!cluster.enabled()) {
            commit(pid, from, epoch, out);
            return;
        }
        // Decide only once a majority recorded the new owner: a minority can never commit a move.
        cluster.claimMove(pid, from, epoch).whenCompleteAsync((ok, failure) -> {
            synchronized (out) {
                out.claiming = false;
                out.decided = true;
            }
            if (failure == null) {
                commit(pid, from, epoch, out);
            } else {
                claimFailed(pid, out, failure);
            }
        }, timers);
    }

    private void claimFailed(Pid pid, Outgoing out, Throwable failure) {
        boolean unknown = NodeCluster.outcomeUnknown(failure);
        long resumeEpoch = unknown ? out.departure.epoch() + 1 : 0;
        aborted(pid, out, "the cluster did not record the move (" + NodeCluster.rootMessage(failure) + ")", true, resumeEpoch);
        if (unknown) {
            cluster.claimHere(pid, resumeEpoch, "outranking a claim whose outcome is unknown");
        }
    }

    /** The decision is COMMIT: hand over, point here to there, tell the contacts. */
    private void commit(Pid pid, String from, long epoch, Outgoing out) {
        int[] handedOver = new int[1];
        out.departure.commit(handover -> {
            // Under the departure's lock: senders racing with this wait, then follow the new location.
            handedOver[0] = handover.messages().size();
            locations.update(pid, from, epoch);
            remember(new Key(pid, epoch), new Decision(true, from, handover.messages()));
            peers.send(from, new WireMessage.MigrateCommit(pid, epoch, handover.messages()));
            sendLateChanges(from, handover);
            NodeAddress there = peers.address(from);
            router.tellContacts(handover.contacts(), new WireMessage.Redirect(pid, from, epoch,
                    there == null ? "" : there.host(), there == null ? 0 : there.port()));
        });
        outgoing.remove(pid, out);
        requested.remove(pid, out.result);
        LOG.info("node {}: process {} moved to node {} (epoch {}, {} bytes, {} queued message(s) handed over)", self, pid, from,
                epoch, out.departure.bytes().length, handedOver[0]);
        out.result.complete(new MigrationResult(pid, from, epoch, out.departure.bytes().length));
    }

    /** The destination refused: the process resumes here. */
    void rejected(String from, WireMessage.MigrateReject reject) {
        Outgoing out = outgoing.get(reject.pid());
        if (out != null && out.departure.epoch() == reject.epoch() && out.destination.equals(from)) {
            abort(reject.pid(), out, "rejected by node " + from + ": " + reject.reason(), false);
        }
    }

    /** The connection to {@code node} broke: every migration to it still undecided is aborted. */
    void disconnected(String node) {
        outgoing.forEach((pid, out) -> {
            if (out.destination.equals(node)) {
                abort(pid, out, "the connection to node " + node + " was lost before the commit", false); // unless claiming: the claim decides
            }
        });
    }

    /** A destination in doubt asks what was decided; undecided means abort now (it has not started the process). */
    void queried(String from, WireMessage.MigrateQuery query) {
        Outgoing out = outgoing.get(query.pid());
        if (out != null && out.departure.epoch() == query.epoch() && out.destination.equals(from)) {
            abort(query.pid(), out, "node " + from + " lost track of the migration", true);
            return;
        }
        Decision decision;
        synchronized (decisions) {
            decision = decisions.get(new Key(query.pid(), query.epoch()));
        }
        if (decision != null && decision.committed() && decision.destination().equals(from)) {
            peers.send(from, new WireMessage.MigrateCommit(query.pid(), query.epoch(), decision.queued()));
        } else {
            peers.send(from, new WireMessage.MigrateAbort(query.pid(), query.epoch()));
        }
    }

    /** Decides ABORT unless the migration is decided already or its ownership claim is in flight. */
    private void abort(Pid pid, Outgoing out, String reason, boolean tellDestination) {
        synchronized (out) {
            if (out.decided || out.claiming) {
                return;
            }
            out.decided = true;
            out.timeout.cancel(false);
        }
        aborted(pid, out, reason, tellDestination, 0);
    }

    /** ABORT was decided: the process resumes here (with {@code resumeEpoch} when above 0). */
    private void aborted(Pid pid, Outgoing out, String reason, boolean tellDestination, long resumeEpoch) {
        long epoch = out.departure.epoch();
        remember(new Key(pid, epoch), new Decision(false, out.destination, List.of()));
        if (tellDestination) {
            peers.send(out.destination, new WireMessage.MigrateAbort(pid, epoch));
        }
        outgoing.remove(pid, out);
        String message = "migration of " + pid + " from node " + self + " to node " + out.destination + " failed: " + reason
                + "; the process goes on at node " + self;
        LOG.warn("node {}: {}", self, message);
        MigrationException failure = new MigrationException(message);
        requested.remove(pid, out.result);
        if (resumeEpoch > 0) {
            out.departure.rollback(failure, resumeEpoch);
        } else {
            out.departure.rollback(failure);
        }
        out.result.completeExceptionally(failure);
    }

    private void fail(Pid pid, CompletableFuture<MigrationResult> result, String message, Throwable cause) {
        MigrationException failure = cause == null ? new MigrationException(message) : new MigrationException(message, cause);
        LOG.warn("node {}: {}", self, message);
        requested.remove(pid, result);
        runtime.cancelMigration(pid, failure);
        result.completeExceptionally(failure);
    }

    private void remember(Key key, Decision decision) {
        synchronized (decisions) {
            decisions.put(key, decision);
        }
    }

    /** Links, monitors and an exit signal that reached the process after it was frozen follow it. */
    private void sendLateChanges(String to, Handover handover) {
        Pid pid = handover.pid();
        handover.linksAdded().forEach(other -> peers.send(to, new WireMessage.Link(other, pid)));
        handover.linksRemoved().forEach(other -> peers.send(to, new WireMessage.Unlink(other, pid)));
        for (Map.Entry<MonitorRef, Pid> monitor : handover.monitorsAdded().entrySet()) {
            peers.send(to, new WireMessage.Monitor(monitor.getValue(), pid, monitor.getKey()));
        }
        handover.monitorsRemoved().forEach(ref -> peers.send(to, new WireMessage.Demonitor(pid, ref)));
        if (handover.pendingExit() != null) {
            peers.send(to, new WireMessage.ExitSignal(pid, null, handover.pendingExit()));
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
