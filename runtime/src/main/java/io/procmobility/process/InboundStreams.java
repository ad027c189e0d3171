package io.procmobility.process;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Puts a process's remote messages back in send order and drops duplicates. Every message a
 * node sends to a process that is not local carries the sending runtime's stream id (its
 * incarnation) and a sequence number counted per (sending runtime, receiving pid). Across a
 * migration, messages of one stream may take two paths (forwarded by the node the process left,
 * and direct once the sender learned the new place) and overtake each other; this is where they
 * are ordered again. The state travels with the process when it migrates. Guarded by the
 * owning mailbox's lock.
 */
final class InboundStreams {
    /** Per stream: the last sequence number delivered and the messages that arrived early. */
    static final class Stream {
        long delivered;
        TreeMap<Long, Object> early;
        /** When the oldest gap opened ({@link System#nanoTime()}); local to this JVM, reset on thaw. */
        transient long gapSince;
    }

    private final HashMap<Long, Stream> streams = new HashMap<>(4);

    /**
     * Accepts message {@code seq} of {@code stream}; hands every message that is now in order to
     * {@code deliver}. Returns true when a gap is open on this stream after the call (some earlier
     * message has not arrived yet).
     */
    boolean accept(long stream, long seq, Object message, Consumer<Object> deliver) {
        Stream state = streams.computeIfAbsent(stream, s -> new Stream());
        if (seq <= state.delivered || (state.early != null && state.early.containsKey(seq))) {
            return hasGap(state); // a duplicate (re-sent after an in-doubt migration): exactly once
        }
        if (seq != state.delivered + 1) {
            if (state.early == null) {
                state.early = new TreeMap<>();
            }
            if (state.early.isEmpty()) {
                state.gapSince = System.nanoTime();
            }
            state.early.put(seq, message);
            return true;
        }
        deliver.accept(message);
        state.delivered = seq;
        drainInOrder(state, deliver);
        return hasGap(state);
    }

    /**
     * Gives up waiting for messages that have been missing longer than {@code maxGapNanos} (lost
     * with a node that died while forwarding them): delivers what arrived after them, in order.
     * Returns how many sequence numbers were skipped.
     */
    long skipExpiredGaps(long maxGapNanos, Consumer<Object> deliver) {
        long skipped = 0;
        long now = System.nanoTime();
        for (Stream state : streams.values()) {
            if (hasGap(state) && now - state.gapSince >= maxGapNanos) {
                long first = state.early.firstKey();
                skipped += first - state.delivered - 1;
                state.delivered = first - 1;
                drainInOrder(state, deliver);
            }
        }
        return skipped;
    }

    /** True when some stream waits for a missing message. */
    boolean hasGaps() {
        for (Stream state : streams.values()) {
            if (hasGap(state)) {
                return true;
            }
        }
        return false;
    }

    /** After a thaw: gaps are timed from now, on this JVM's clock. */
    void restartGapClocks() {
        long now = System.nanoTime();
        streams.values().forEach(s -> s.gapSince = now);
    }

    /** Number of messages that arrived early and wait for an earlier one. */
    int earlyCount() {
        int n = 0;
        for (Stream state : streams.values()) {
            n += state.early == null ? 0 : state.early.size();
        }
        return n;
    }

    Map<Long, Stream> streams() {
        return streams;
    }

    private static boolean hasGap(Stream state) {
        return state.early != null && !state.early.isEmpty();
    }

    private static void drainInOrder(Stream state, Consumer<Object> deliver) {
        if (state.early == null) {
            return;
        }
        while (!state.early.isEmpty() && state.early.firstKey() == state.delivered + 1) {
            deliver.accept(state.early.pollFirstEntry().getValue());
            state.delivered++;
        }
        if (!state.early.isEmpty()) {
            state.gapSince = System.nanoTime();
        }
    }
}
