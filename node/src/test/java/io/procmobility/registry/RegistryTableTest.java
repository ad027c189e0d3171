package io.procmobility.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmobility.process.Pid;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The registry's rules: fencing by epoch, unique names, node-down cleanup, snapshots. */
class RegistryTableTest {
    private static final Pid P = new Pid(0x1234_5678_9abc_def0L, 1);
    private static final Pid Q = new Pid(0x1234_5678_9abc_def0L, 2);

    private final RegistryTable table = new RegistryTable();

    @Test
    void aClaimWithAHigherEpochMovesTheOwnerAndAStaleOwnerIsFenced() {
        table.claim(P, "a", 0);
        table.claim(P, "b", 1);
        assertThat(table.locate(P)).contains(new Location(P, "b", 1, null));

        assertThatThrownBy(() -> table.claim(P, "a", 0))
                .isInstanceOf(StaleEpochException.class)
                .hasMessageContaining("claim of process " + P + " for node a at epoch 0 refused")
                .hasMessageContaining("owned by node b at epoch 1")
                .satisfies(e -> {
                    StaleEpochException s = (StaleEpochException) e;
                    assertThat(s.currentNode()).isEqualTo("b");
                    assertThat(s.currentEpoch()).isEqualTo(1);
                    assertThat(s.attemptedEpoch()).isZero();
                });
        assertThatThrownBy(() -> table.claim(P, "c", 1)).isInstanceOf(StaleEpochException.class);
        assertThat(table.locate(P)).contains(new Location(P, "b", 1, null));
    }

    @Test
    void aRetriedClaimOfTheSameNodeAndEpochSucceeds() {
        table.claim(P, "a", 3);
        table.claim(P, "a", 3);
        assertThat(table.locate(P).orElseThrow().epoch()).isEqualTo(3);
    }

    @Test
    void releaseRemovesTheRecordAndTheNameButAStaleReleaseIsRefused() {
        table.claim(P, "a", 0);
        table.registerName("svc", P, "a");
        table.claim(P, "b", 1);
        assertThatThrownBy(() -> table.release(P, 0)).isInstanceOf(StaleEpochException.class)
                .hasMessageContaining("release of process " + P + " at epoch 0 refused");
        assertThat(table.whereis("svc")).contains(P);

        table.release(P, 1);
        assertThat(table.locate(P)).isEmpty();
        assertThat(table.whereis("svc")).isEmpty();
        table.release(P, 1); // nothing left: harmless
    }

    @Test
    void namesAreUniqueAndTheErrorNamesTheHolderAndItsNode() {
        table.claim(P, "b", 2);
        table.registerName("svc", P, "a");
        table.registerName("svc", P, "a"); // idempotent

        assertThatThrownBy(() -> table.registerName("svc", Q, "c"))
                .isInstanceOf(NameTakenException.class)
                .hasMessage("cannot register 'svc' for process " + Q + ": the name is held by process " + P
                        + " on node b; unregister it there first, or pick another name");
        assertThatThrownBy(() -> table.registerName("other", P, "a"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("already registered as 'svc'");

        assertThat(table.unregisterName("svc", Q)).isFalse(); // not the holder
        assertThat(table.unregisterName("svc", P)).isTrue();
        assertThat(table.unregisterName("svc", P)).isFalse();
        table.registerName("svc", Q, "c");
        assertThat(table.unregisterName("svc", P)).isFalse(); // a repeated unregistration cannot remove Q's
        assertThat(table.whereis("svc")).contains(Q);
    }

    @Test
    void aNodeDownReleasesTheNamesOfItsProcessesAndMarksItsLocations() {
        table.claim(P, "c", 0);
        table.registerName("on-c", P, "a");          // registered from a, but P lives on c
        table.registerName("registered-by-c", Q, "c"); // no owner record: the registering node counts
        NodeDown down = new NodeDown("c", LeaveReason.FAILED, "no heartbeat", Instant.ofEpochMilli(1000));

        assertThat(table.nodeDown(down, 7)).containsExactly("on-c", "registered-by-c");

        assertThat(table.whereis("on-c")).isEmpty();
        Location where = table.locate(P).orElseThrow();
        assertThat(where.isNodeDown()).isTrue();
        assertThatThrownBy(where::requireNodeUp).isInstanceOf(NodeDownException.class)
                .hasMessageContaining("lives on node c (epoch 0), which was detected as failed at 1970-01-01T00:00:01Z (no heartbeat)");
        assertThatThrownBy(() -> table.claim(Q, "c", 0)).isInstanceOf(NodeDownException.class)
                .hasMessageContaining("pick a node that is up");

        assertThat(table.nodesUp()).isEmpty();
        table.nodeUp("a", 7);
        assertThat(table.nodesUp()).containsExactly("a");
        assertThat(table.nodeUp("c", 6)).isFalse(); // an older view: ignored
        assertThat(table.nodeDown("c")).isPresent();
        assertThat(table.nodeUp("c", 8)).isTrue();
        assertThat(table.locate(P).orElseThrow().isNodeDown()).isFalse();
        assertThat(table.nodeDown(down, 7)).isEmpty(); // stale report after the node came back
        assertThat(table.nodeDown("c")).isEmpty();
    }

    @Test
    void aSnapshotRestoresEveryRecordAndEqualTablesWriteEqualBytes() throws IOException {
        table.claim(P, "a", 4);
        table.registerName("svc", P, "a");
        table.registerName("q", Q, "b");
        table.nodeDown(new NodeDown("b", LeaveReason.LEFT, "clean leave", Instant.ofEpochMilli(5)), 3);
        byte[] bytes = snapshot(table);

        RegistryTable copy = new RegistryTable();
        copy.claim(Q, "z", 9); // replaced by the snapshot
        copy.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));

        assertThat(copy.locate(P)).contains(new Location(P, "a", 4, null));
        assertThat(copy.locate(Q)).isEmpty();
        assertThat(copy.whereis("svc")).contains(P);
        assertThat(copy.whereis("q")).isEmpty(); // released when b went down
        assertThat(copy.nodeDown("b")).contains(new NodeDown("b", LeaveReason.LEFT, "clean leave", Instant.ofEpochMilli(5)));
        assertThat(copy.nameOf(P)).contains("svc");
        assertThat(snapshot(copy)).isEqualTo(bytes);
    }

    @Test
    void aCorruptSnapshotIsRefusedAndLeavesTheTableUnchanged() throws IOException {
        table.claim(P, "a", 1);
        byte[] bytes = snapshot(table);
        bytes[1] = 0x7f; // the owner count (bytes 1-4) becomes huge
        RegistryTable copy = new RegistryTable();
        copy.claim(Q, "b", 0);
        assertThatThrownBy(() -> copy.readFrom(new DataInputStream(new ByteArrayInputStream(bytes))))
                .isInstanceOf(IOException.class).hasMessageContaining("out of range");
        assertThat(copy.locate(Q)).isPresent();

        byte[] wrongFormat = {9};
        assertThatThrownBy(() -> copy.readFrom(new DataInputStream(new ByteArrayInputStream(wrongFormat))))
                .isInstanceOf(IOException.class).hasMessageContaining("format 9");
    }

    private static byte[] snapshot(RegistryTable t) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
