package io.procmobility.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This runtime's sequence counters, one per pid it has sent to outside its own processes (see
 * {@link InboundStreams}). A local send to a pid that has a counter is numbered too: messages
 * sent earlier over the network may still be on their way to a process that has just arrived.
 */
final class OutboundStreams {
    private final Map<Pid, AtomicLong> counters = new ConcurrentHashMap<>();

    /** The next sequence number for {@code pid}, starting a stream at 1. */
    long next(Pid pid) {
        return counters.computeIfAbsent(pid, p -> new AtomicLong()).incrementAndGet();
    }

    /** The next sequence number for {@code pid} when a stream exists, else 0 (an unnumbered local send). */
    long nextIfNumbered(Pid pid) {
        if (counters.isEmpty()) {
            return 0; // the common case of a runtime that never sent anything remote: no hashing at all
        }
        AtomicLong counter = counters.get(pid);
        return counter == null ? 0 : counter.incrementAndGet();
    }

    /** Forgets the counter of a process that has ended (its stream can never be read again). */
    void forget(Pid pid) {
        counters.remove(pid);
    }

    int size() {
        return counters.size();
    }
}
