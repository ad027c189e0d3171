package io.procmobility.process;

import io.procmobility.continuation.Continuation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs processes on N carrier threads. A run step resumes a process's continuation until it
 * suspends (receive, sleep, yield) or ends; a suspended process holds no thread. Timers (receive
 * timeouts, sleeps) live on one daemon thread and only re-queue processes.
 */
final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final LinkedBlockingQueue<LocalProcess> runQueue = new LinkedBlockingQueue<>();
    private final List<ProcessCarrier> carriers = new ArrayList<>();
    private final ScheduledThreadPoolExecutor timers;
    private final BiConsumer<LocalProcess, ExitReason> onExit;
    private volatile boolean stopped;

    private final ProcessRuntime runtime;

    Scheduler(ProcessRuntime runtime, int threads, BiConsumer<LocalProcess, ExitReason> onExit) {
        this.runtime = runtime;
        this.onExit = onExit;
        this.timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "procmobility-timers");
            t.setDaemon(true);
            return t;
        });
        // Most timeouts are cancelled (the reply came first): drop them from the queue at once.
        timers.setRemoveOnCancelPolicy(true);
        for (int i = 0; i < threads; i++) {
            ProcessCarrier carrier = new ProcessCarrier(runtime, this::loop, "procmobility-carrier-" + i);
            carriers.add(carrier);
        }
        carriers.forEach(Thread::start);
    }

    List<ProcessCarrier> carriers() {
        return carriers;
    }

    /** Queues a RUNNABLE process. */
    void enqueue(LocalProcess process) {
        runQueue.add(process);
    }

    /** Wakes a WAITING process; no-op when it is not waiting. */
    void wake(LocalProcess process) {
        if (process.wake()) {
            enqueue(process);
        }
    }

    private void loop() {
        ProcessCarrier self = (ProcessCarrier) Thread.currentThread();
        while (!stopped) {
            LocalProcess process;
            try {
                process = runQueue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (process != null) {
                step(self, process);
            }
        }
    }

    private void step(ProcessCarrier carrier, LocalProcess process) {
        if (!process.status.compareAndSet(ProcessStatus.RUNNABLE, ProcessStatus.RUNNING)) {
            return;
        }
        ScheduledFuture<?> timer = process.timer;
        if (timer != null) {
            process.timer = null;
            timer.cancel(false);
        }
        ExitReason pending = process.pendingExit;
        if (pending != null) {
            onExit.accept(process, pending);
            return;
        }
        carrier.current = process;
        process.carrier = carrier;
        process.runningSince = System.nanoTime();
        Continuation next;
        try {
            next = process.continuation == null
                    ? Continuation.startWith(process.code)
                    : Continuation.continueWith(process.continuation, process.wait);
        } catch (ProcessExit e) {
            onExit.accept(process, e.reason());
            return;
        } catch (Throwable e) {
            LOG.debug("process {} crashed", process.pid, e);
            onExit.accept(process, ExitReason.crash(e));
            return;
        } finally {
            carrier.current = null;
            process.carrier = null;
            process.runningSince = 0;
        }
        if (next.isDone()) {
            process.continuation = null;
            onExit.accept(process, ExitReason.NORMAL);
            return;
        }
        process.continuation = next;
        Wait wait = next.value() instanceof Wait w ? w : Wait.yieldNow();
        process.wait = wait;
        if (wait.kind == Wait.Kind.YIELD) {
            process.status.set(ProcessStatus.RUNNABLE);
            enqueue(process);
            return;
        }
        if (wait.kind == Wait.Kind.MIGRATE) {
            process.status.set(ProcessStatus.MIGRATING); // sendMe: frozen in place until the node moves it
            runtime.migrationRequested(process);
            return;
        }
        process.status.set(ProcessStatus.WAITING);
        // Asked to migrate from outside while it ran: this receive is where it goes (unless the asker took it first).
        if (process.migrationTarget != null && process.status.compareAndSet(ProcessStatus.WAITING, ProcessStatus.MIGRATING)) {
            runtime.migrationRequested(process);
            return;
        }
        armAndCheck(process, wait);
    }

    /** A process that was frozen for a migration that did not happen waits again as before. */
    void resumeWaiting(LocalProcess process) {
        Wait wait = process.wait;
        process.status.set(ProcessStatus.WAITING);
        // sendMe returns (or throws); its timeout passed while it was frozen; messages came back or arrived.
        if (wait.kind == Wait.Kind.MIGRATE || wait.expired() || (wait.wakesOnMessage() && process.mailbox.size() > 0)) {
            wake(process);
            return;
        }
        armAndCheck(process, wait);
    }

    private void armAndCheck(LocalProcess process, Wait wait) {
        if (wait.hasDeadline && !stopped) {
            try {
                process.timer = timers.schedule(() -> {
                    if (process.wait == wait) {
                        wake(process);
                    }
                }, wait.remainingNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                // The runtime is closing: nothing will run this process again anyway.
            }
        }
        // A message or exit signal that arrived while we were suspending must not be missed.
        if ((wait.wakesOnMessage() && process.mailbox.hasUnread()) || process.pendingExit != null) {
            wake(process);
        }
    }

    /** Runs {@code task} on the timer thread after {@code nanos}. */
    void after(long nanos, Runnable task) {
        if (stopped) {
            return;
        }
        try {
            timers.schedule(task, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // closing: nothing to check any more
        }
    }

    /** Stops the carriers and timers; processes stay as they are. */
    void stop() {
        stopped = true;
        timers.shutdownNow();
        for (ProcessCarrier carrier : carriers) {
            carrier.interrupt();
        }
        for (ProcessCarrier carrier : carriers) {
            try {
                carrier.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
