package io.procmobility.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports processes that hold a carrier thread too long (blocking Java code: a socket read, a
 * lock, a busy loop that never receives), naming the pid and the carrier's stack, once per run
 * step, instead of letting the scheduler hang silently.
 */
final class Watchdog {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    private final ScheduledExecutorService timer;
    private final List<ProcessCarrier> carriers;
    private final long thresholdNanos;

    Watchdog(List<ProcessCarrier> carriers, Duration threshold) {
        this.carriers = carriers;
        this.thresholdNanos = threshold.toNanos();
        long[] reported = new long[carriers.size()];
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "procmobility-watchdog");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(10, threshold.toMillis() / 4);
        timer.scheduleWithFixedDelay(() -> {
            for (int i = 0; i < carriers.size(); i++) {
                ProcessCarrier carrier = carriers.get(i);
                LocalProcess process = carrier.current;
                long since = process == null ? 0 : process.runningSince;
                if (since != 0 && since != reported[i] && System.nanoTime() - since > thresholdNanos) {
                    reported[i] = since;
                    LOG.warn("process {} ({}) has held carrier {} for more than {} ms without suspending; it blocks in plain"
                            + " Java code or loops without receive. Stack:\n{}", process.pid, process.code.getClass().getName(),
                            carrier.getName(), threshold.toMillis(), stack(carrier));
                }
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** Pids of the processes holding a carrier longer than the threshold right now. */
    List<Pid> blocked() {
        List<Pid> result = new java.util.ArrayList<>();
        for (ProcessCarrier carrier : carriers) {
            LocalProcess process = carrier.current;
            long since = process == null ? 0 : process.runningSince;
            if (since != 0 && System.nanoTime() - since > thresholdNanos) {
                result.add(process.pid);
            }
        }
        return result;
    }

    private static String stack(Thread thread) {
        StringBuilder text = new StringBuilder();
        for (StackTraceElement element : thread.getStackTrace()) {
            text.append("\tat ").append(element).append('\n');
        }
        return text.toString();
    }

    void stop() {
        timer.shutdownNow();
    }
}
