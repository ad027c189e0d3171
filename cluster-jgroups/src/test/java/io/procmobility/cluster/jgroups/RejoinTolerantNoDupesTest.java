package io.procmobility.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jgroups.Event;
import org.jgroups.Message;
import org.jgroups.View;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.raft.RAFT;
import org.jgroups.stack.Protocol;
import org.jgroups.util.ExtendedUUID;
import org.jgroups.util.Util;
import org.junit.jupiter.api.Test;

/**
 * A retried join of a member already in the view passes (GMS answers it with the view); a joiner
 * with another address but a Raft id already in the view is still refused. (jgroups-raft's own
 * NO_DUPES refused the retry, which failed a node's start on a loaded machine.)
 */
class RejoinTolerantNoDupesTest {
    @Test
    void aRetriedJoinPassesAndADuplicateRaftIdIsRefused() {
        ExtendedUUID a = member("a");
        ExtendedUUID b = member("b");
        ExtendedUUID anotherB = member("b");
        List<Message> sentDown = new ArrayList<>();
        RejoinTolerantNoDupes noDupes = new RejoinTolerantNoDupes();
        noDupes.setDownProtocol(new Protocol() {
            @Override
            public Object down(Message msg) {
                sentDown.add(msg);
                return null;
            }

            @Override
            public Object down(Event evt) {
                return null;
            }
        });
        noDupes.down(new Event(Event.VIEW_CHANGE, View.create(a, 1, a, b)));

        assertThat(noDupes.handleGmsHeader(new GMS.GmsHeader(GMS.GmsHeader.JOIN_REQ, b), b)).isTrue();
        assertThat(sentDown).isEmpty();

        assertThat(noDupes.handleGmsHeader(new GMS.GmsHeader(GMS.GmsHeader.JOIN_REQ, anotherB), anotherB)).isFalse();
        assertThat(sentDown).hasSize(1); // the rejection
        assertThat(sentDown.get(0).getDest()).isEqualTo(anotherB);

        ExtendedUUID c = member("c");
        assertThat(noDupes.handleGmsHeader(new GMS.GmsHeader(GMS.GmsHeader.JOIN_REQ, c), c)).isTrue();
    }

    private static ExtendedUUID member(String raftId) {
        return ExtendedUUID.randomUUID(raftId).put(RAFT.raft_id_key, Util.stringToBytes(raftId));
    }
}
