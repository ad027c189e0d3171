package io.procmobility.cluster.jgroups;

import io.procmobility.registry.LeaveReason;
import io.procmobility.registry.MembershipEvent;
import io.procmobility.registry.MembershipListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jgroups.Address;
import org.jgroups.View;
import org.jgroups.protocols.raft.RAFT;
import org.jgroups.util.ExtendedUUID;
import org.jgroups.util.NameCache;
import org.jgroups.util.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This member's idea of the cluster: the current JGroups view as node names, and, for every view
 * change, one {@link MembershipEvent} per node that joined or left, delivered in order to the
 * listeners on the events thread.
 *
 * <p>A departed node is reported {@link LeaveReason#LEFT} when it announced its leave (a message
 * it sends just before leaving), otherwise {@link LeaveReason#FAILED} with how it was detected:
 * this member's own failure detectors when they raised the suspicion (JGroups raises them on the
 * coordinator), or the view change alone.
 */
final class Membership {
    private static final Logger LOG = LoggerFactory.getLogger(Membership.class);

    /** How and when a node left, as this member saw it. */
    record Departure(String node, LeaveReason reason, String detail, Instant at) {
    }

    private final String localNode;
    private final Suspicions suspicions;
    private final Executor events;
    private final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<Address> announcedLeaves = ConcurrentHashMap.newKeySet();
    private final Map<String, Departure> departures = new ConcurrentHashMap<>();
    private volatile View view;
    private volatile Set<String> members = Set.of();
    private volatile boolean hadMajority;
    private final int majority;

    Membership(String localNode, int majority, Suspicions suspicions, Executor events) {
        this.localNode = localNode;
        this.majority = majority;
        this.suspicions = suspicions;
        this.events = events;
    }

    /** Key of the advertised transport endpoint in a member's address. */
    static final byte[] ENDPOINT_KEY = Util.stringToBytes("procmobility-endpoint");

    /** The endpoint advertised in {@code address}, or null. */
    static String endpointOf(Address address) {
        if (address instanceof ExtendedUUID uuid) {
            byte[] endpoint = uuid.get(ENDPOINT_KEY);
            if (endpoint != null) {
                return Util.bytesToString(endpoint);
            }
        }
        return null;
    }

    /** The node name behind a JGroups address: its Raft id, else its logical name. */
    static String nodeName(Address address) {
        if (address instanceof ExtendedUUID uuid) {
            byte[] raftId = uuid.get(RAFT.raft_id_key);
            if (raftId != null) {
                return Util.bytesToString(raftId);
            }
        }
        String logical = NameCache.get(address);
        return logical != null ? logical : String.valueOf(address);
    }

    void addListener(MembershipListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    void removeListener(MembershipListener listener) {
        listeners.remove(listener);
    }

    /** The current view, or null before the first. */
    View view() {
        return view;
    }

    /** The current members' names. */
    Set<String> members() {
        return members;
    }

    /**
     * True when this member knows it cannot commit: its view holds fewer than a majority of the
     * configured members, after it had held a majority since it started. (A member still gathering
     * its first majority at start-up does not know that yet: its writes wait.)
     */
    boolean quorumLost() {
        return hadMajority && members.size() < majority;
    }

    /** The endpoint a current member advertised, or null. */
    String endpoint(String node) {
        View v = view;
        if (v == null) {
            return null;
        }
        for (Address member : v.getMembers()) {
            if (nodeName(member).equals(node)) {
                return endpointOf(member);
            }
        }
        return null;
    }

    /** True when this member is the coordinator of its current view. */
    boolean isCoordinator() {
        View v = view;
        return v != null && nodeName(v.getCoord()).equals(localNode);
    }

    /** How {@code node} left, if this member saw it leave since it last joined. */
    Departure departure(String node) {
        return departures.get(node);
    }

    /** {@code member} said it is about to leave. */
    void leaveAnnounced(Address member) {
        announcedLeaves.add(member);
    }

    /** A new view: works out who joined and who left, and tells the listeners. */
    void viewAccepted(View newView) {
        View old = view;
        Instant now = Instant.now();
        List<Address> previous = old == null ? List.of() : old.getMembers();
        List<Address> current = newView.getMembers();
        List<MembershipEvent> changes = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        current.forEach(a -> names.add(nodeName(a)));
        Set<String> memberNames = Collections.unmodifiableSet(names);

        List<Address> left = new ArrayList<>(previous);
        left.removeAll(current);
        for (Address gone : left) {
            String node = nodeName(gone);
            Departure d;
            if (announcedLeaves.remove(gone)) {
                d = new Departure(node, LeaveReason.LEFT, "announced its leave", now);
            } else {
                String how = suspicions.take(gone);
                d = new Departure(node, LeaveReason.FAILED, how != null ? how
                        : "removed from the view by coordinator " + nodeName(newView.getCoord())
                        + " after failure detection (its connection closed, or FD_ALL3 heartbeats stopped; confirmed by VERIFY_SUSPECT2)", now);
            }
            departures.put(node, d);
            changes.add(new MembershipEvent.Left(node, d.reason(), d.detail(), memberNames, now));
        }
        for (Address joined : current) {
            if (!previous.contains(joined)) {
                String node = nodeName(joined);
                departures.remove(node);
                if (!node.equals(localNode)) {
                    changes.add(new MembershipEvent.Joined(node, memberNames, now));
                }
            }
        }
        suspicions.forgetStale();
        announcedLeaves.retainAll(current);
        view = newView;
        members = memberNames;
        if (memberNames.size() >= majority) {
            hadMajority = true;
        }
        if (!changes.isEmpty()) {
            LOG.info("node {}: view {} -> members {} ({})", localNode, newView.getViewId(), memberNames, changes);
        }
        for (MembershipEvent change : changes) {
            deliver(change);
        }
    }

    private void deliver(MembershipEvent event) {
        try {
            events.execute(() -> {
                for (MembershipListener listener : listeners) {
                    try {
                        listener.onMembershipEvent(event);
                    } catch (RuntimeException e) {
                        LOG.warn("node {}: membership listener {} failed on {}", localNode, listener, event, e);
                    }
                }
            });
        } catch (RejectedExecutionException closing) {
            // the registry is closing: nobody listens any more
        }
    }
}
