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
     * @param from    the sending process, or null when sent from outside any process
     * @param payload the message itself: a registered JDK type or an allowlisted user class
     */
    record Deliver(Pid to, Pid from, Object payload) implements WireMessage {
        /** {@code to} is required. */
        public Deliver {
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * Sent by each side right after the handshake: who the node is and the incarnation its process
     * runtime stamps on the pids it spawns, so peers know where a pid was born.
     */
    record NodeHello(String node, long incarnation) implements WireMessage {
        /** {@code node} is required. */
        public NodeHello {
            Objects.requireNonNull(node, "node");
        }
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
