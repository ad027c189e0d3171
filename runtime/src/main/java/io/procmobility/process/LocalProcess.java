package io.procmobility.process;

import io.procmobility.continuation.Continuation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The runtime's record of one process living in this JVM: its code, continuation, mailbox,
 * status, links and monitors. The status moves RUNNABLE -> RUNNING -> WAITING/RUNNABLE/EXITED
 * with compare-and-set, so a wake-up (message, timer, exit signal) and the process suspending
 * never miss each other.
 */
final class LocalProcess {
    final Pid pid;
    final Runnable code;
    final Mailbox mailbox = new Mailbox();
    final AtomicReference<ProcessStatus> status = new AtomicReference<>(ProcessStatus.RUNNABLE);
    final CompletableFuture<ExitReason> exit = new CompletableFuture<>();

    /** Touched only by the carrier running the process. */
    Continuation continuation;
    /** Reductions used since the process last yielded; carrier-only. */
    int reductions;
    /** What the process waits for; read by senders and timers. */
    volatile Wait wait;
    /** The pending wake-up of a wait with a deadline; cancelled when the process runs again. */
    volatile java.util.concurrent.ScheduledFuture<?> timer;
    /** An exit signal that must end the process at its next scheduling point. */
    volatile ExitReason pendingExit;
    /** When the current run step started ({@link System#nanoTime()}), 0 when not running. */
    volatile long runningSince;
    volatile Thread carrier;

    // Migration. The epoch counts the process's moves (a higher one wins wherever two places
    // disagree); the trail lists the nodes that forward to it (opaque to the runtime).
    volatile long epoch;
    volatile java.util.List<String> trail = java.util.List.of();
    /** Where the process has been asked to go (by sendMe or from outside); null when not asked. */
    volatile Object migrationTarget;
    /** Why a migration the process asked for itself failed; thrown by sendMe when it resumes here. */
    volatile RuntimeException migrationFailure;
    /** Set while a check of its mailbox's message gaps is scheduled. */
    final java.util.concurrent.atomic.AtomicBoolean gapCheckScheduled = new java.util.concurrent.atomic.AtomicBoolean();
    /** The migration in progress, which queues the messages that arrive meanwhile. */
    volatile Departure departure;

    // Guarded by this. Created on first use: most processes never link or get monitored, and
    // an idle process should stay small (hundreds of thousands of them per JVM).
    private Set<Pid> links;
    private Map<MonitorRef, Pid> monitoredBy;
    private boolean trapExit;
    private String name;

    LocalProcess(Pid pid, Runnable code) {
        this.pid = pid;
        this.code = code;
    }

    ProcessStatus status() {
        return status.get();
    }

    boolean isAlive() {
        return status.get() != ProcessStatus.EXITED;
    }

    /** Moves WAITING to RUNNABLE; true when this call did it (and must enqueue the process). */
    boolean wake() {
        return status.compareAndSet(ProcessStatus.WAITING, ProcessStatus.RUNNABLE);
    }

    synchronized boolean addLink(Pid other) {
        if (!isAlive()) {
            return false;
        }
        if (links == null) {
            links = new HashSet<>(4);
        }
        return links.add(other);
    }

    synchronized void removeLink(Pid other) {
        if (links != null) {
            links.remove(other);
        }
    }

    synchronized Set<Pid> links() {
        return links == null ? new HashSet<>() : new HashSet<>(links);
    }

    synchronized boolean addMonitor(MonitorRef ref, Pid watcher) {
        if (!isAlive()) {
            return false;
        }
        if (monitoredBy == null) {
            monitoredBy = new HashMap<>(4);
        }
        monitoredBy.put(ref, watcher);
        return true;
    }

    synchronized boolean removeMonitor(MonitorRef ref) {
        return monitoredBy != null && monitoredBy.remove(ref) != null;
    }

    /** On exit: hands over all monitors at once, so a concurrent demonitor knows whether a Down follows. */
    synchronized Map<MonitorRef, Pid> takeMonitors() {
        Map<MonitorRef, Pid> all = monitors();
        monitoredBy = null;
        return all;
    }

    synchronized Map<MonitorRef, Pid> monitors() {
        return monitoredBy == null ? new HashMap<>() : new HashMap<>(monitoredBy);
    }

    synchronized boolean trapExit() {
        return trapExit;
    }

    synchronized boolean trapExit(boolean trap) {
        boolean old = trapExit;
        trapExit = trap;
        return old;
    }

    synchronized String name() {
        return name;
    }

    synchronized void name(String name) {
        this.name = name;
    }
}
