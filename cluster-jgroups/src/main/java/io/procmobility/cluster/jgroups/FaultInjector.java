package io.procmobility.cluster.jgroups;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jgroups.Address;
import org.jgroups.View;
import org.jgroups.protocols.DISCARD;

/**
 * Simulates network faults inside the JVM, for tests: a DISCARD protocol right above the transport
 * drops every message from the nodes this node is "cut off" from. Cutting both directions (each
 * side isolates itself from the other) makes a partition; failure detection then splits the
 * cluster, and {@link #heal()} lets it merge again. Only available when the cluster was started
 * with {@link JGroupsClusterConfig.Builder#faultInjection(boolean) faultInjection(true)}.
 */
public final class FaultInjector {
    private final String localNode;
    private final DISCARD discard;
    private final Map<String, Address> known = new ConcurrentHashMap<>();

    FaultInjector(String localNode, DISCARD discard) {
        this.localNode = localNode;
        this.discard = discard;
    }

    /** Remembers the addresses of the members of {@code view} (they stay valid when the view changes). */
    void learn(View view) {
        for (Address member : view.getMembers()) {
            known.put(Membership.nodeName(member), member);
        }
    }

    /**
     * Drops every message this node receives from {@code nodes} from now on.
     *
     * @throws IllegalArgumentException naming a node this node has never seen in a view
     */
    public void isolateFrom(Collection<String> nodes) {
        List<Address> addresses = new ArrayList<>();
        for (String node : nodes) {
            Address address = known.get(node);
            if (address == null) {
                throw new IllegalArgumentException("node " + localNode + " cannot isolate itself from " + node
                        + ": it never saw that node in a view (seen: " + known.keySet() + ")");
            }
            addresses.add(address);
        }
        addresses.forEach(discard::addIgnoreMember);
    }

    /** Receives from every node again. */
    public void heal() {
        discard.resetIgnoredMembers();
    }
}
