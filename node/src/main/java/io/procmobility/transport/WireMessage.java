package io.procmobility.transport;

import io.procmobility.process.ExitReason;
import io.procmobility.process.MonitorRef;
import io.procmobility.process.Pid;
import java.util.Objects;

/**
 * What nodes say to each other once a connection is authenticated. Each message is one frame,
 * serialized by Kryo through the allowlisting {@link io.procmobility.serial.WireSerializer}.
 *
 * <p>To add a message: add a record here and register it in {@link WireTypes} with the next free
 * ID (IDs are the wire format: append only, never renumber or reuse).
 */
public sealed interface WireMessage {

    /**
     * A message for a process.
     *
     * @param to      the receiving process
     * @param stream  the incarnation of the runtime that sent it (its sequence stream)
     * @param seq     its number in that stream for {@code to}: the receiver restores send order
     *                and drops duplicates with it (messages may take two paths around a migration)
     * @param hops    how many nodes have forwarded it (bounded: a stale location cannot loop it)
     * @param payload the message itself: a registered JDK type or an allowlisted user class
     */
    record Deliver(Pid to, long stream, long seq, int hops, Object payload) implements WireMessage {
        /** {@code to} is required. */
        public Deliver {
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * Sent by each side right after the handshake: who the node is, the incarnation its process
     * runtime stamps on the pids it spawns (so peers know where a pid was born), and the port it
     * listens on (so peers can reconnect, and reach nodes they learn of in a redirect).
     */
    record NodeHello(String node, long incarnation, int listenPort) implements WireMessage {
        /** {@code node} is required. */
        public NodeHello {
            Objects.requireNonNull(node, "node");
        }
    }

    /**
     * Migration step 1, origin to destination: the frozen process with the epoch it will have
     * there. The destination answers {@link MigrateAccept} or {@link MigrateReject}.
     *
     * @param process the frozen process (continuation serializer bytes, checked against the allowlist)
     */
    record Migrate(Pid pid, long epoch, byte[] process) implements WireMessage {
    }

    /** Step 2: the destination checked the process (allowlist, classes, bytecode hashes) and holds it, not running. */
    record MigrateAccept(Pid pid, long epoch) implements WireMessage {
    }

    /** Step 2, refused: the process stays at the origin; {@code reason} says why and how to fix it. */
    record MigrateReject(Pid pid, long epoch, String reason) implements WireMessage {
    }

    /**
     * Step 3: the origin committed. The destination installs the messages that queued at the
     * origin during the transfer, then starts the process. Sent again in answer to a
     * {@link MigrateQuery}; duplicates are harmless.
     */
    record MigrateCommit(Pid pid, long epoch, java.util.List<io.procmobility.process.QueuedMessage> queued) implements WireMessage {
    }

    /** Step 3, aborted (timeout, or answering a query): the destination drops the process it held. */
    record MigrateAbort(Pid pid, long epoch) implements WireMessage {
    }

    /**
     * A destination that accepted but lost its connection to the origin before hearing the outcome
     * asks for it (the process must neither be lost nor run twice); answered with commit or abort.
     */
    record MigrateQuery(Pid pid, long epoch) implements WireMessage {
    }

    /**
     * {@code pid} lives on {@code node} (reachable at {@code host:port}) since its move number
     * {@code epoch}: sent by a node that had to forward a message, and by a process's new node to
     * the nodes it left, so that every location heals to one hop. Older epochs are ignored.
     */
    record Redirect(Pid pid, String node, long epoch, String host, int port) implements WireMessage {
    }

    /** Asks the node where {@code target} lives to monitor it for {@code watcher} (which lives at the sender). */
    record Monitor(Pid watcher, Pid target, MonitorRef ref) implements WireMessage {
    }

    /** Cancels a {@link Monitor}. */
    record Demonitor(Pid target, MonitorRef ref) implements WireMessage {
    }

    /** Links {@code from} (at the sender) with {@code to} (at the receiver). */
    record Link(Pid from, Pid to) implements WireMessage {
    }

    /** Removes a {@link Link}. */
    record Unlink(Pid from, Pid to) implements WireMessage {
    }

    /** An exit signal from the sender's process {@code from} to the receiver's linked process {@code to}. */
    record ExitSignal(Pid to, Pid from, ExitReason reason) implements WireMessage {
    }

    /** Liveness probe; the peer answers with a {@link Pong} carrying the same id. */
    record Ping(long id) implements WireMessage {
    }

    /** Answer to a {@link Ping}. */
    record Pong(long id) implements WireMessage {
    }
}
