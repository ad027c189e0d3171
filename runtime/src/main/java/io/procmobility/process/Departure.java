package io.procmobility.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A process on its way out of this runtime: frozen into {@link #bytes()}, still owned here until
 * the migration either {@linkplain #commit commits} (the process is gone from here for good) or
 * {@linkplain #rollback rolls back} (it resumes here as if nothing happened). Messages that
 * arrive meanwhile are queued in order, numbered, for whichever way it goes. Exactly one of
 * commit and rollback takes effect.
 */
public final class Departure {
    private final ProcessRuntime runtime;
    private final LocalProcess process;
    private ProcessFreezer.Frozen frozen;
    private final long epoch;
    private final List<QueuedMessage> queue = new ArrayList<>();
    private boolean decided;

    /** Installed before the freeze closes the mailbox, so that no message finds it closed with nowhere to go. */
    Departure(ProcessRuntime runtime, LocalProcess process, long epoch) {
        this.runtime = runtime;
        this.process = process;
        this.epoch = epoch;
    }

    synchronized void frozen(ProcessFreezer.Frozen state) {
        this.frozen = state;
    }

    /** The freeze failed (its mailbox is open again): messages queued meanwhile go back in, after it. */
    synchronized void abandon() {
        decide();
        for (QueuedMessage message : queue) {
            process.mailbox.addNumbered(message.stream(), message.seq(), message.payload());
        }
        process.departure = null;
    }

    /** The departing process. */
    public Pid pid() {
        return process.pid;
    }

    /** The epoch the process will have at its destination (one more than here). */
    public long epoch() {
        return epoch;
    }

    /** The frozen process, for the wire. */
    public synchronized byte[] bytes() {
        return frozen.bytes();
    }

    /** The name it is registered under, or null. */
    public String name() {
        return process.name();
    }

    /** Queues a message that arrived after the freeze; false once decided (route it instead). */
    synchronized boolean offer(long stream, long seq, Object message) {
        if (decided) {
            return false;
        }
        if (stream == 0) {
            // A local send: number it in this runtime's stream, so it keeps its place among later remote ones.
            stream = runtime.incarnation();
            seq = runtime.outbound().next(process.pid);
        }
        queue.add(new QueuedMessage(stream, seq, message));
        return true;
    }

    /**
     * The migration committed: {@code handOver} gets everything the destination needs besides the
     * frozen bytes and must install the forwarding route before it returns; then the process is
     * removed from this runtime (no exit signal: it did not die). Sends racing with this wait for
     * it, then follow the route, so they arrive after the queued messages.
     *
     * @throws IllegalStateException when the migration was already decided
     */
    public synchronized void commit(Consumer<Handover> handOver) {
        decide();
        Set<Pid> linksNow = process.links();
        Map<MonitorRef, Pid> monitorsNow = process.monitors();
        Set<Pid> linksAdded = new HashSet<>(linksNow);
        linksAdded.removeAll(frozen.links());
        Set<Pid> linksRemoved = new HashSet<>(frozen.links());
        linksRemoved.removeAll(linksNow);
        Map<MonitorRef, Pid> monitorsAdded = new HashMap<>(monitorsNow);
        monitorsAdded.keySet().removeAll(frozen.monitors().keySet());
        Set<MonitorRef> monitorsRemoved = new HashSet<>(frozen.monitors().keySet());
        monitorsRemoved.removeAll(monitorsNow.keySet());
        try {
            handOver.accept(new Handover(process.pid, epoch, List.copyOf(queue), linksAdded, linksRemoved, monitorsAdded,
                    monitorsRemoved, process.pendingExit, contactsOf(linksNow, monitorsNow)));
        } finally {
            runtime.departed(process);
        }
    }

    /**
     * The migration failed: the process resumes here with its mailbox and everything queued
     * meanwhile, in order. {@code failure} is thrown inside the process when it asked to move
     * itself ({@code Mobility.sendMe}); a process moved from outside never notices.
     *
     * @throws IllegalStateException when the migration was already decided
     */
    public synchronized void rollback(RuntimeException failure) {
        rollback(failure, process.epoch);
    }

    /**
     * Rolls back like {@link #rollback(RuntimeException)}, and the process goes on with epoch
     * {@code resumeEpoch} (ignored when not above its epoch): a node whose ownership claim for this
     * move may still commit later (its outcome is unknown) moves the process past that epoch, so
     * that its next move outranks the late claim.
     *
     * @throws IllegalStateException when the migration was already decided
     */
    public synchronized void rollback(RuntimeException failure, long resumeEpoch) {
        decide();
        runtime.returned(process, frozen.mailbox(), queue, failure, resumeEpoch);
    }

    private static Set<Pid> contactsOf(Set<Pid> links, Map<MonitorRef, Pid> monitors) {
        Set<Pid> contacts = new HashSet<>(links);
        contacts.addAll(monitors.values());
        return contacts;
    }

    private void decide() {
        if (decided) {
            throw new IllegalStateException("the migration of " + process.pid + " (epoch " + epoch + ") is already decided");
        }
        decided = true;
    }
}
