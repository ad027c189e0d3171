package io.procmobility.cluster.jgroups;

import io.procmobility.registry.LeaveReason;
import io.procmobility.registry.NodeDown;
import io.procmobility.registry.RegistryTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The bytes of a {@link Command} in the Raft log: a format byte, the request id (the submitting
 * registry's session and a sequence number, so the submitter can recognise its own command when
 * it is applied), a type byte, then the command's fields with {@link java.io.DataOutput}. No Java
 * serialization.
 */
final class CommandCodec {
    static final int FORMAT = 1;

    private static final int CLAIM = 1;
    private static final int RELEASE = 2;
    private static final int REGISTER_NAME = 3;
    private static final int UNREGISTER_NAME = 4;
    private static final int NODE_UP = 5;
    private static final int NODE_DOWN = 6;

    /** Who submitted a command: a registry instance ({@code session}) and its request number. */
    record RequestId(long session, long seq) {
    }

    /** A decoded log entry. */
    record Entry(RequestId id, Command command) {
    }

    private CommandCodec() {
    }

    static byte[] encode(RequestId id, Command command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(id.session());
            out.writeLong(id.seq());
            if (command instanceof Command.Claim c) {
                out.writeByte(CLAIM);
                RegistryTable.writePid(out, c.pid());
                out.writeUTF(c.node());
                out.writeLong(c.epoch());
            } else if (command instanceof Command.Release r) {
                out.writeByte(RELEASE);
                RegistryTable.writePid(out, r.pid());
                out.writeLong(r.epoch());
            } else if (command instanceof Command.RegisterName r) {
                out.writeByte(REGISTER_NAME);
                out.writeUTF(r.name());
                RegistryTable.writePid(out, r.pid());
                out.writeUTF(r.byNode());
            } else if (command instanceof Command.UnregisterName u) {
                out.writeByte(UNREGISTER_NAME);
                out.writeUTF(u.name());
                RegistryTable.writePid(out, u.pid());
            } else if (command instanceof Command.NodeUp u) {
                out.writeByte(NODE_UP);
                out.writeUTF(u.node());
                out.writeLong(u.viewId());
            } else if (command instanceof Command.MarkNodeDown d) {
                out.writeByte(NODE_DOWN);
                out.writeUTF(d.down().node());
                out.writeByte(d.down().reason().ordinal());
                out.writeUTF(d.down().detail());
                out.writeLong(d.down().at().toEpochMilli());
                out.writeLong(d.viewId());
            } else {
                throw new IllegalArgumentException("no encoding for " + command);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes a log entry.
     *
     * @throws IOException when the bytes are not a command of this format (another version of
     *                     procmobility wrote them, or they are corrupt)
     */
    static Entry decode(byte[] data, int offset, int length) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, offset, length));
        int format = in.readUnsignedByte();
        if (format != FORMAT) {
            throw new IOException("registry command has format " + format + ", this version reads format " + FORMAT
                    + "; every node of a cluster must run the same procmobility version");
        }
        RequestId id = new RequestId(in.readLong(), in.readLong());
        int type = in.readUnsignedByte();
        Command command;
        switch (type) {
            case CLAIM -> command = new Command.Claim(RegistryTable.readPid(in), in.readUTF(), in.readLong());
            case RELEASE -> command = new Command.Release(RegistryTable.readPid(in), in.readLong());
            case REGISTER_NAME -> command = new Command.RegisterName(in.readUTF(), RegistryTable.readPid(in), in.readUTF());
            case UNREGISTER_NAME -> command = new Command.UnregisterName(in.readUTF(), RegistryTable.readPid(in));
            case NODE_UP -> command = new Command.NodeUp(in.readUTF(), in.readLong());
            case NODE_DOWN -> {
                String node = in.readUTF();
                int reason = in.readUnsignedByte();
                if (reason >= LeaveReason.values().length) {
                    throw new IOException("registry command: unknown leave reason " + reason + " for node " + node);
                }
                NodeDown down = new NodeDown(node, LeaveReason.values()[reason], in.readUTF(), Instant.ofEpochMilli(in.readLong()));
                command = new Command.MarkNodeDown(down, in.readLong());
            }
            default -> throw new IOException("registry command: unknown type " + type);
        }
        if (in.available() > 0) {
            throw new IOException("registry command " + command.describe() + ": " + in.available() + " trailing bytes");
        }
        return new Entry(id, command);
    }
}
