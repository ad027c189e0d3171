package io.procmobility.cluster.jgroups;

import io.procmobility.registry.RegistryTable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.jgroups.raft.StateMachine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Raft state machine: decodes each committed {@link Command} and applies it to this member's
 * {@link RegistryTable}, then tells the {@link Listener} (the submitter completes its caller's
 * future from there: a write is visible to local reads by the time its future completes).
 *
 * <p>Runs on RAFT's single processing thread. A refusal (a stale epoch, a taken name) is a normal
 * outcome, the same on every member; an undecodable entry is logged and skipped on every member
 * alike, so the copies never diverge.
 */
final class RegistryStateMachine implements StateMachine {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryStateMachine.class);

    /** Told of every applied command, on the RAFT thread: must return quickly. */
    interface Listener {
        void applied(CommandCodec.RequestId id, Command command, Object result, RuntimeException refusal);

        /** The whole table was replaced from a leader's snapshot. */
        void snapshotInstalled();
    }

    private final String node;
    private final RegistryTable table;
    private final Listener listener;

    RegistryStateMachine(String node, RegistryTable table, Listener listener) {
        this.node = node;
        this.table = table;
        this.listener = listener;
    }

    @Override
    public byte[] apply(byte[] data, int offset, int length, boolean serializeResponse) {
        CommandCodec.Entry entry;
        try {
            entry = CommandCodec.decode(data, offset, length);
        } catch (IOException e) {
            LOG.error("node {}: skipping a registry log entry of {} bytes that cannot be decoded: {}", node, length, e.getMessage());
            return null;
        }
        Object result = null;
        RuntimeException refusal = null;
        try {
            result = entry.command().applyTo(table);
        } catch (RuntimeException e) {
            refusal = e;
        }
        LOG.trace("node {}: applied {} -> {}", node, entry.command().describe(), refusal == null ? result : refusal.getMessage());
        listener.applied(entry.id(), entry.command(), result, refusal);
        return null; // callers learn the outcome from their own member's apply, not from the leader's answer
    }

    @Override
    public void readContentFrom(DataInput in) throws Exception {
        table.readFrom(in);
        LOG.debug("node {}: registry replaced from a snapshot ({} owners, {} names)", node, table.ownerCount(), table.nameCount());
        listener.snapshotInstalled();
    }

    @Override
    public void writeContentTo(DataOutput out) throws Exception {
        table.writeTo(out);
    }
}
