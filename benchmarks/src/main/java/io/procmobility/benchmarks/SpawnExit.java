package io.procmobility.benchmarks;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Spawn {@code n} processes (or threads) that end at once, then wait until every one has ended. */
public final class SpawnExit {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private SpawnExit() {
    }

    /** Spawns {@code pids.length} processes made by {@code code} and waits for all exits; returns how many ended normally. */
    public static int processes(ProcessRuntime runtime, Function<Void, MobileProcess> code, Pid[] pids)
            throws InterruptedException, TimeoutException {
        for (int i = 0; i < pids.length; i++) {
            pids[i] = runtime.spawn(code.apply(null)).pid();
        }
        int normal = 0;
        for (Pid pid : pids) {
            ExitReason reason = runtime.awaitExit(pid, TIMEOUT);
            // A process that already ended may have left the recent-exits record: noproc then means "ended".
            if (reason.isNormal() || reason == ExitReason.NOPROC) {
                normal++;
            }
        }
        return normal;
    }

    /** Starts {@code threads.length} threads with {@code starter} running an empty task and joins them all. */
    public static int threads(Function<Runnable, Thread> starter, Thread[] threads) throws InterruptedException {
        Runnable nothing = () -> { };
        for (int i = 0; i < threads.length; i++) {
            threads[i] = starter.apply(nothing);
        }
        for (Thread t : threads) {
            t.join();
        }
        return threads.length;
    }

    /** Starts a platform thread (the starter for {@link #threads}). */
    public static Thread platformThread(Runnable task) {
        Thread t = new Thread(task);
        t.start();
        return t;
    }
}
