package io.procmobility.node;

import io.procmobility.process.ExitReason;
import io.procmobility.registry.MembershipEvent;
import io.procmobility.registry.MembershipListener;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's reactions to its cluster's membership. Members connect to each other as they join (the
 * one with the smaller name dials, so a pair gets one connection), which also tells each node where
 * the others' pids were born. When failure detection reports a member gone, every monitor on a
 * process of that node fires {@code nodedown} and every link to one breaks with it.
 *
 * <p>A dropped TCP connection to a member is left to failure detection: the member may still be
 * up (the connection comes back on the next message), or it is dead and the cluster says so within
 * its detection time. Only if it is still a member after {@code grace} and still unreachable do its
 * monitors fire {@code noconnection}.
 */
final class ClusterMembership implements MembershipListener {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterMembership.class);

    private final String self;
    private final NodeCluster cluster;
    private final Peers peers;
    private final NodeRouter router;
    private final ScheduledExecutorService timers;
    private final Duration grace;

    ClusterMembership(String self, NodeCluster cluster, Peers peers, NodeRouter router, ScheduledExecutorService timers, Duration grace) {
        this.self = self;
        this.cluster = cluster;
        this.peers = peers;
        this.router = router;
        this.timers = timers;
        this.grace = grace;
    }

    /** Connects to the members already there. */
    void start() {
        cluster.members().forEach(this::dial);
    }

    @Override
    public void onMembershipEvent(MembershipEvent event) {
        if (event instanceof MembershipEvent.Left left) {
            LOG.info("node {}: node {} left the cluster ({}: {}); monitors and links on its processes fire nodedown", self,
                    left.node(), left.reason(), left.detail());
            router.nodeDown(left.node(), ExitReason.NODEDOWN);
        } else {
            dial(event.node());
        }
    }

    /**
     * The TCP connection to {@code peer} closed. True when the cluster's failure detection decides
     * what it means (a member that is not marked down); false when the caller should fire
     * {@code noconnection} at once (not a member: a node reached over plain TCP).
     */
    boolean disconnected(String peer) {
        if (!cluster.isMember(peer) || cluster.down(peer) != null) {
            return false;
        }
        try {
            timers.schedule(() -> {
                if (!peers.isConnected(peer) && cluster.isMember(peer) && cluster.down(peer) == null) {
                    LOG.warn("node {}: member {} is still in the cluster but unreachable over TCP for {} ms; monitors and links on"
                            + " its processes fire noconnection", self, peer, grace.toMillis());
                    router.nodeDown(peer, ExitReason.NOCONNECTION);
                }
            }, grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // this node is shutting down: nothing to watch any more
        }
        return true;
    }

    private void dial(String member) {
        if (member.equals(self) || member.compareTo(self) < 0 || peers.isConnected(member)) {
            return; // ourselves; the other one dials; already connected
        }
        NodeAddress address = cluster.endpoint(member);
        if (address == null) {
            LOG.debug("node {}: member {} advertises no endpoint; not connecting", self, member);
            return;
        }
        peers.learn(address);
        peers.connect(address.host(), address.port()).whenComplete((name, failure) -> {
            if (failure != null) {
                LOG.debug("node {}: could not connect to member {} at {}:{}: {}", self, member, address.host(), address.port(),
                        failure.getMessage());
            } else if (!name.equals(member)) {
                LOG.warn("node {}: the endpoint {}:{} of member {} is node {}; node names must be unique", self, address.host(),
                        address.port(), member, name);
            }
        });
    }
}
