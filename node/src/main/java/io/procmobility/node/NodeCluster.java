package io.procmobility.node;

import io.procmobility.process.Pid;
import io.procmobility.registry.ClusterRegistry;
import io.procmobility.registry.Location;
import io.procmobility.registry.NodeDown;
import io.procmobility.registry.NodeDownException;
import io.procmobility.registry.StaleEpochException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a node uses its cluster's {@link ClusterRegistry}: where the registry says a process lives,
 * whether a node is down, where a member listens, the ownership claim that commits a move, and the
 * release of a process's record when it ends. Outside a cluster ({@link #none}) nothing is known
 * and every claim succeeds at once, so the node behaves exactly as over plain TCP.
 *
 * <p>Processes get no record when they are spawned: until its first move a process is owned by
 * the node it was born on, which its pid names (its incarnation). Claiming at spawn would put a
 * replicated write (about a millisecond) on every spawn, which costs well under a microsecond
 * otherwise; the first migration claims it.
 *
 * <p>So that every member can tell where a pid was born without having met that node, a node
 * records its runtime's incarnation at start, as the owner record of the pid
 * {@code <incarnation>.0} (serial 0 is never a process's). Once that node is marked down, its
 * never-moved processes are known to be unreachable too.
 */
final class NodeCluster {
    private static final Logger LOG = LoggerFactory.getLogger(NodeCluster.class);

    private final String self;
    private volatile ClusterRegistry registry;

    private NodeCluster(String self) {
        this.self = self;
    }

    /** A node outside any cluster, until (and unless) it {@linkplain #attach joins one}. */
    static NodeCluster none(String self) {
        return new NodeCluster(self);
    }

    /**
     * The node joined the cluster {@code registry} serves (once, while the node starts: it binds
     * its socket and wires its parts first, so that members dialing it as soon as it joins find it
     * ready).
     *
     * @throws IllegalArgumentException when the registry serves another node
     */
    void attach(ClusterRegistry joined) {
        if (!self.equals(joined.localNode())) {
            throw new IllegalArgumentException("node " + self + " cannot use the cluster registry of node " + joined.localNode()
                    + ": a registry serves the node it was started for (give the cluster configuration the node's name)");
        }
        if (registry != null) {
            throw new IllegalStateException("node " + self + " is in a cluster already");
        }
        this.registry = joined;
    }

    boolean enabled() {
        return registry != null;
    }

    /** The registry, or null outside a cluster. */
    ClusterRegistry registry() {
        return registry;
    }

    /** The registry's owner record of {@code pid} (a local read), or null. */
    Location owner(Pid pid) {
        ClusterRegistry r = registry;
        return r == null ? null : r.locate(pid).orElse(null);
    }

    /** The node whose runtime has {@code incarnation} (where pids carrying it were born), or null when not recorded. */
    String bornOn(long incarnation) {
        Location record = owner(runtimeRecord(incarnation));
        return record == null ? null : record.node();
    }

    /**
     * Records that pids with {@code incarnation} are born on this node; retried every
     * {@code retry} until a quorum records it (a first member waits for a second one).
     */
    void announce(long incarnation, java.util.concurrent.ScheduledExecutorService timers, java.time.Duration retry) {
        if (registry == null) {
            return;
        }
        registry.claim(runtimeRecord(incarnation), self, 0).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.debug("node {}: could not record its incarnation yet ({}); trying again", self, rootMessage(failure));
                try {
                    timers.schedule(() -> announce(incarnation, timers, retry), retry.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException closed) {
                    // the node is closing
                }
            }
        });
    }

    private static Pid runtimeRecord(long incarnation) {
        return new Pid(incarnation, 0);
    }

    /** Why {@code node} is marked down in the cluster, or null (up, unknown, or no cluster). */
    NodeDown down(String node) {
        ClusterRegistry r = registry;
        return r == null || node == null ? null : r.nodeDown(node).orElse(null);
    }

    /** True when {@code node} is a current member of this node's cluster. */
    boolean isMember(String node) {
        ClusterRegistry r = registry;
        return r != null && r.members().contains(node);
    }

    /** The current members, sorted; empty outside a cluster. */
    Set<String> members() {
        ClusterRegistry r = registry;
        return r == null ? Set.of() : new TreeSet<>(r.members());
    }

    /** Where member {@code node} listens (the endpoint it advertised), or null. */
    NodeAddress endpoint(String node) {
        ClusterRegistry r = registry;
        if (r == null || node.equals(self)) {
            return null;
        }
        String endpoint = r.endpoint(node).orElse(null);
        if (endpoint == null) {
            return null;
        }
        int colon = endpoint.lastIndexOf(':');
        try {
            return new NodeAddress(node, endpoint.substring(0, colon), Integer.parseInt(endpoint.substring(colon + 1)));
        } catch (RuntimeException e) {
            LOG.warn("node {}: member {} advertises the endpoint '{}', which is not host:port; it cannot be reached by name",
                    self, node, endpoint);
            return null;
        }
    }

    /** Why {@code node} cannot be reached by name, for an error message (with a hint). */
    String unreachable(String node) {
        if (registry == null) {
            return "node " + node + " is not connected to node " + self
                    + " (hint: connect to it first, or use Destination.tcp(host, port))";
        }
        NodeDown down = down(node);
        if (down != null) {
            return "node " + node + " " + down.describe() + "; it is not in the cluster now (members: " + members() + ")";
        }
        if (!isMember(node) && registry.configuredMembers().contains(node)) {
            return "node " + node + " is down: it is a configured member of the cluster of node " + self + " but not in it"
                    + " now (members up: " + members() + "); it can be reached again once it runs and rejoins";
        }
        if (!isMember(node)) {
            return "node " + node + " is not a member of the cluster of node " + self + " (members: " + members()
                    + "; hint: a node of another cluster is reached with Destination.tcp(host, port))";
        }
        return "member " + node + " advertises no endpoint (hint: start its cluster registry with the endpoint of its"
                + " transport, e.g. JGroupsClusterConfig.Builder.endpoint(\"host:port\"))";
    }

    /**
     * The ownership claim that commits a move of {@code pid} to {@code destination} at
     * {@code epoch}. A destination outside the cluster (a node of another cluster, reached over
     * TCP) cannot be the owner of record: this node claims the process as its gateway, and its
     * forwarding pointer leads on from there.
     */
    CompletableFuture<Void> claimMove(Pid pid, String destination, long epoch) {
        if (registry == null) {
            return CompletableFuture.completedFuture(null);
        }
        return registry.claim(pid, isMember(destination) ? destination : self, epoch);
    }

    /**
     * Claims {@code pid} for this node at {@code epoch}, in the background (best effort): after a
     * claim whose outcome is unknown, and for a process that arrived from outside the cluster.
     */
    void claimHere(Pid pid, long epoch, String why) {
        if (registry == null) {
            return;
        }
        registry.claim(pid, self, epoch).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.debug("node {}: could not record {} here at epoch {} ({}): {}", self, pid, epoch, why, rootMessage(failure));
            }
        });
    }

    /** {@code pid} ended here: its owner record goes, with its name (in the background). */
    void released(Pid pid, long epoch) {
        if (registry == null || (epoch == 0 && registry.locate(pid).isEmpty())) {
            return; // never moved, never claimed: there is no record
        }
        registry.release(pid, epoch).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.debug("node {}: could not release the record of ended process {} (epoch {}): {}", self, pid, epoch,
                        rootMessage(failure));
            }
        });
    }

    /**
     * True when a failed claim may still commit later (a timeout, no quorum, the registry
     * closing); false when it was refused outright (a stale epoch, a destination marked down).
     */
    static boolean outcomeUnknown(Throwable failure) {
        Throwable cause = unwrap(failure);
        return !(cause instanceof StaleEpochException) && !(cause instanceof NodeDownException);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** {@code "NoQuorumException: ..."}: the cause's class and message, for error messages. */
    static String rootMessage(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
