package io.procmobility.cluster.jgroups;

import org.jgroups.Address;
import org.jgroups.View;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.raft.NO_DUPES;

/**
 * jgroups-raft's NO_DUPES (refuses a joiner whose Raft id is already in the view, e.g. a restarted
 * node while its dead predecessor is still a member), except for a retried join of a member that is
 * already in the view with the very same address: JGroups' GMS answers that one with the current
 * view. NO_DUPES 1.0.14 rejected it, so a node whose first join answer came late (a loaded machine:
 * the join timeout expired, the coordinator had already added it) failed to start with "join of b
 * rejected as it would create a view with duplicate members".
 */
final class RejoinTolerantNoDupes extends NO_DUPES {
    @Override
    protected boolean handleGmsHeader(GMS.GmsHeader hdr, Address sender) {
        byte type = hdr.getType();
        View current = view;
        if ((type == GMS.GmsHeader.JOIN_REQ || type == GMS.GmsHeader.JOIN_REQ_WITH_STATE_TRANSFER)
                && current != null && hdr.getMember() != null && current.containsMember(hdr.getMember())) {
            return true;
        }
        return super.handleGmsHeader(hdr, sender);
    }
}
