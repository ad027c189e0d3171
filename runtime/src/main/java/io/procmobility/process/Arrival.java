package io.procmobility.process;

import java.util.List;

/**
 * A process that has arrived from another node, thawed and checked, but not yet running: it
 * starts only when the migration commits ({@link #start}). Until then it is not part of the
 * runtime, so an abort simply drops it.
 */
public final class Arrival {
    private final ProcessRuntime runtime;
    private final LocalProcess process;

    Arrival(ProcessRuntime runtime, LocalProcess process) {
        this.runtime = runtime;
        this.process = process;
    }

    /** The arriving process. */
    public Pid pid() {
        return process.pid;
    }

    /** Its epoch (one more than where it came from). */
    public long epoch() {
        return process.epoch;
    }

    /** The nodes that forward to it, as the node wrote them when it left. */
    public List<String> trail() {
        return process.trail;
    }

    /** The processes that watch it or are linked to it (their nodes must learn where it is now). */
    public java.util.Set<Pid> contacts() {
        java.util.Set<Pid> contacts = new java.util.HashSet<>(process.links());
        contacts.addAll(process.monitors().values());
        return contacts;
    }

    /** The name it was registered under, or null. */
    public String name() {
        return process.name();
    }

    /**
     * Installs the process with the messages queued at its origin during the transfer (in their
     * streams' order, duplicates dropped) and lets it run.
     *
     * @throws IllegalStateException when a process with this pid already lives here
     */
    public void start(List<QueuedMessage> queued) {
        runtime.arrived(process, queued);
    }
}
