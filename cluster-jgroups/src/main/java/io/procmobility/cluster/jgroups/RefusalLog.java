package io.procmobility.cluster.jgroups;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the peers a member refused (a failed TLS handshake, a failed join proof) with their address,
 * throttled per source address and reason: the first refusal of a kind from an address is logged at
 * once, later ones are counted and summed up in one line at the next refusal after {@code interval}. A flood of
 * attempts therefore costs a few log lines, not one per attempt. Counts are kept for the monitoring
 * API ({@link JGroupsCluster#refusedAttempts()}).
 */
final class RefusalLog {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
    /** Beyond this many distinct sources in one interval, the table is reset (an address spray must not grow it). */
    private static final int MAX_SOURCES = 1024;

    private final String node;
    private final long intervalNanos;
    private final AtomicLong total = new AtomicLong();
    private final Map<Source, Window> windows = new ConcurrentHashMap<>();

    /** Where from, and why: a new kind of refusal from a known address is logged at once. */
    private record Source(InetAddress address, String why) {
    }

    /** Refusals from one address since its last logged line. */
    private static final class Window {
        final long start;
        int suppressed;

        Window(long start) {
            this.start = start;
        }
    }

    RefusalLog(String node, Duration interval) {
        this.node = node;
        this.intervalNanos = interval.toNanos();
    }

    /** {@code from} was refused for {@code why} (a sentence fragment: "it ..."). */
    void refused(InetSocketAddress from, String why) {
        total.incrementAndGet();
        InetAddress source = from == null ? null : from.getAddress();
        if (source == null) {
            LOG.warn("node {} refused a cluster peer at an unknown address: {}", node, why);
            return;
        }
        long now = System.nanoTime();
        Source key = new Source(source, why);
        if (windows.size() >= MAX_SOURCES && !windows.containsKey(key)) {
            LOG.warn("node {}: refused cluster peers from more than {} addresses within {} s; the per-address summary restarts",
                    node, MAX_SOURCES, intervalNanos / 1_000_000_000L);
            windows.clear();
        }
        int[] suppressedBefore = {-1};
        windows.compute(key, (k, window) -> {
            if (window != null && now - window.start < intervalNanos) {
                window.suppressed++;
                return window;
            }
            suppressedBefore[0] = window == null ? 0 : window.suppressed;
            return new Window(now);
        });
        if (suppressedBefore[0] >= 0) {
            LOG.warn("node {} refused a cluster peer at {}:{}: {}{}; further such refusals from {} are summed up every {} s", node,
                    source.getHostAddress(), from.getPort(), why,
                    suppressedBefore[0] > 0 ? " (and " + suppressedBefore[0] + " more refused attempts from it before)" : "",
                    source.getHostAddress(), intervalNanos / 1_000_000_000L);
        }
    }

    /** How many peers this member refused since it started. */
    long total() {
        return total.get();
    }
}
