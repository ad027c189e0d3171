package io.procmobility.cluster.jgroups;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jgroups.Address;
import org.jgroups.Event;
import org.jgroups.PhysicalAddress;
import org.jgroups.blocks.cs.Connection;
import org.jgroups.blocks.cs.ConnectionListener;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.TCP;

/**
 * JGroups' TCP transport, plus failure detection from its own connections: when the connection to a
 * member closes (its JVM was killed or crashed: the kernel closes its sockets) and no other
 * connection to it replaced it, this member raises a suspicion, which VERIFY_SUSPECT2 confirms or
 * clears. It does what FD_SOCK2 did without FD_SOCK2's second listening socket, which spoke plain,
 * unauthenticated JGroups to anyone (naming the cluster and the member); here the only socket is the
 * transport's, TLS with mutual authentication when the cluster has a secret.
 *
 * <p>Every member exchanges heartbeats with every other (FD_ALL3), so each holds a connection to
 * each, the coordinator included: the coordinator notices a crash itself. Same protocol id as TCP.
 */
final class ClusterTcp extends TCP {
    private volatile boolean connected;

    ClusterTcp() {
        setId(ClassConfigurator.getProtocolId(TCP.class));
    }

    /** JGroups' diagnostics (probe) answer anyone on a UDP multicast socket, and run operations: never on. */
    @Override
    public void init() throws Exception {
        super.init();
        diag_handler.setEnabled(false);
    }

    /** True once {@link #init()} ran: diagnostics are off (tests). */
    boolean diagnosticsOff() {
        return diag_handler != null && !diag_handler.isEnabled();
    }

    @Override
    public void start() throws Exception {
        super.start();
        srv.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosed(Connection conn) {
                closed(conn.peerAddress());
            }

            @Override
            public void connectionEstablished(Connection conn) {
                // nothing to do: members are found by discovery
            }
        });
    }

    @Override
    protected void handleConnect() throws Exception {
        super.handleConnect();
        connected = true;
    }

    @Override
    protected void handleDisconnect() {
        connected = false; // our own connections close now: nobody failed
        super.handleDisconnect();
    }

    private void closed(Address peer) {
        if (!connected || peer == null || srv.hasConnection(peer)) {
            return; // leaving, or the connection was replaced by a newer one to the same member
        }
        List<Address> lost = new ArrayList<>();
        for (Address member : members) {
            PhysicalAddress physical = getPhysicalAddressFromCache(member);
            if (!Objects.equals(member, local_addr) && Objects.equals(physical, peer)) {
                lost.add(member);
            }
        }
        if (!lost.isEmpty()) {
            log.debug("%s: connection to %s (%s) closed; suspecting it", local_addr, lost, peer);
            up_prot.up(new Event(Event.SUSPECT, lost));
        }
    }
}
