package io.procmobility.benchmarks;

import io.procmobility.internal.CarrierThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JMH's worker pool made of {@link CarrierThread}s, so benchmark bodies run on a carrier with no
 * hand-off between threads. Selected per benchmark class with
 * {@code @Fork(jvmArgsAppend = {"-Djmh.executor=CUSTOM", "-Djmh.executor.class=...CarrierExecutor"})}
 * (JMH calls the {@code (int, String)} constructor).
 */
public final class CarrierExecutor extends ThreadPoolExecutor {
    /** JVM options that make JMH run a fork's benchmark threads on carriers. */
    public static final String EXECUTOR = "-Djmh.executor=CUSTOM";
    /** The class JMH instantiates. */
    public static final String EXECUTOR_CLASS = "-Djmh.executor.class=io.procmobility.benchmarks.CarrierExecutor";

    /** Called by JMH with the number of worker threads and a name prefix. */
    public CarrierExecutor(int maxThreads, String prefix) {
        super(maxThreads, maxThreads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), factory(prefix));
    }

    private static ThreadFactory factory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            CarrierThread thread = new CarrierThread(task, prefix + "-carrier-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Throws unless the current thread is (or is not) a carrier, so a misconfigured fork fails loudly. */
    public static void expectCarrier(boolean expected) {
        boolean carrier = Thread.currentThread() instanceof CarrierThread;
        if (carrier != expected) {
            throw new IllegalStateException("This benchmark expects to run on " + (expected ? "a" : "no")
                    + " CarrierThread but runs on " + Thread.currentThread()
                    + (expected ? "; do not override the fork's JVM options (-jvmArgs/-jvmArgsAppend drop "
                    + EXECUTOR + " " + EXECUTOR_CLASS + ")" : ""));
        }
    }
}
