package io.procmobility.node;

import io.procmobility.process.Pid;
import io.procmobility.process.QueuedMessage;
import io.procmobility.transport.WireMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages for processes this node accepted but has not started yet (waiting for the origin's
 * commit). In a cluster, other nodes may learn the new owner from the registry before the commit
 * reaches this node; what they send meanwhile (messages, numbered as they came, and monitors, links
 * and exit signals) waits here instead of bouncing between nodes or meeting "no such process", and
 * is handled once the process runs here (or sent on when the move is aborted), in arrival order.
 */
final class ArrivalBuffer {
    private static final Logger LOG = LoggerFactory.getLogger(ArrivalBuffer.class);
    /** Messages kept per arriving process; beyond that they are dropped with a warning. */
    private static final int MAX_HELD = 100_000;

    /** A monitor, link or exit signal from node {@code from}, to handle once the move is decided. */
    record Control(String from, WireMessage message) {
    }

    private final String self;
    private final Map<Pid, List<Object>> held = new ConcurrentHashMap<>();

    ArrivalBuffer(String self) {
        this.self = self;
    }

    /** {@code pid} was accepted here: hold what comes for it until {@link #close}. */
    void open(Pid pid) {
        held.putIfAbsent(pid, new ArrayList<>());
    }

    /**
     * Holds message {@code seq} of stream {@code stream} for {@code pid} if it is arriving here;
     * false when it is not (route it as usual).
     */
    boolean hold(Pid pid, long stream, long seq, Object payload) {
        return add(pid, new QueuedMessage(stream, seq, payload));
    }

    /** Holds a monitor, link or exit signal for {@code pid} if it is arriving here; false when it is not. */
    boolean hold(Pid pid, String from, WireMessage control) {
        return add(pid, new Control(from, control));
    }

    private boolean add(Pid pid, Object entry) {
        List<Object> queue = held.get(pid);
        if (queue == null) {
            return false;
        }
        synchronized (queue) {
            if (held.get(pid) != queue) {
                return false; // closed meanwhile
            }
            if (queue.size() >= MAX_HELD) {
                LOG.warn("node {}: {} messages wait for arriving process {} already; dropping one ({})", self, MAX_HELD, pid,
                        entry instanceof Control c ? c.message().getClass().getSimpleName() : "a message");
                return true;
            }
            queue.add(entry);
            return true;
        }
    }

    /**
     * The move of {@code pid} is decided: stops holding and returns what was held, in arrival order
     * ({@link QueuedMessage}s and {@link Control}s).
     */
    List<Object> close(Pid pid) {
        List<Object> queue = held.remove(pid);
        if (queue == null) {
            return List.of();
        }
        synchronized (queue) {
            return List.copyOf(queue);
        }
    }
}
