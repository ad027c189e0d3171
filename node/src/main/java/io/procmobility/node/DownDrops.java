package io.procmobility.node;

import io.procmobility.process.Pid;
import io.procmobility.registry.NodeDown;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says why messages are dropped when the node their process lives on is down: one warning per
 * down node every few seconds, with the count since the last one, so a sender in a loop does not
 * flood the log.
 */
final class DownDrops {
    private static final Logger LOG = LoggerFactory.getLogger(DownDrops.class);
    private static final long QUIET_NANOS = 5_000_000_000L;

    private record Tally(AtomicLong count, AtomicLong lastLog) {
    }

    private final String self;
    private final Map<String, Tally> byNode = new ConcurrentHashMap<>();

    DownDrops(String self) {
        this.self = self;
    }

    /** A message for {@code pid}, which lives on {@code node}, is dropped because that node is down. */
    void dropped(Pid pid, String node, NodeDown down) {
        Tally tally = byNode.computeIfAbsent(node, n -> new Tally(new AtomicLong(), new AtomicLong(System.nanoTime() - QUIET_NANOS)));
        long count = tally.count.incrementAndGet();
        long last = tally.lastLog.get();
        long now = System.nanoTime();
        if (now - last >= QUIET_NANOS && tally.lastLog.compareAndSet(last, now)) {
            tally.count.addAndGet(-count);
            LOG.warn("node {}: dropped {} message(s) for processes on node {} (last for {}): that node {}; they cannot be"
                    + " delivered until it rejoins (monitors on its processes fired 'nodedown')", self, count, node, pid,
                    down.describe());
        }
    }
}
