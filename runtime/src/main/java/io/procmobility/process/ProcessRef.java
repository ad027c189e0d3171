package io.procmobility.process;

import java.util.Objects;

/**
 * A handle to send messages to a process, from inside or outside processes. Sending to a process
 * that has ended drops the message (as in Erlang) and counts it.
 */
public final class ProcessRef {
    private final Pid pid;
    private final ProcessRuntime runtime;

    ProcessRef(Pid pid, ProcessRuntime runtime) {
        this.pid = pid;
        this.runtime = runtime;
    }

    /** The process's pid. */
    public Pid pid() {
        return pid;
    }

    /** Sends {@code message} (not null); returns at once. */
    public void send(Object message) {
        runtime.send(pid, message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessRef other && other.pid.equals(pid) && other.runtime == runtime;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pid);
    }

    @Override
    public String toString() {
        return "ProcessRef" + pid;
    }
}
