package io.procmobility.process;

import java.util.function.Consumer;

/**
 * A pid for code that is not a process (a main thread, a test, the console): messages sent to
 * it are handed to a callback on the sender's thread. It can monitor processes, which is how a
 * synchronous call from outside learns that its server died instead of waiting out its timeout.
 * Close it when done; messages to a closed endpoint are dropped.
 */
public final class Endpoint implements AutoCloseable {
    private final Pid pid;
    private final ProcessRuntime runtime;
    final Consumer<Object> handler;

    Endpoint(Pid pid, ProcessRuntime runtime, Consumer<Object> handler) {
        this.pid = pid;
        this.runtime = runtime;
        this.handler = handler;
    }

    /** The endpoint's pid, to put in messages as a reply address. */
    public Pid pid() {
        return pid;
    }

    /** Monitors {@code target}: a {@link Down} message arrives here when it ends ({@code noproc} at once if dead). */
    public MonitorRef monitor(Pid target) {
        return runtime.monitorFrom(pid, target);
    }

    /** Removes a monitor; false when its {@link Down} was already sent. */
    public boolean demonitor(MonitorRef ref, Pid target) {
        return runtime.demonitor(ref, target);
    }

    @Override
    public void close() {
        runtime.closeEndpoint(this);
    }
}
