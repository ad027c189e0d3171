package io.procmobility.behaviour;

import io.procmobility.process.MonitorRef;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.Processes;

/**
 * Who is waiting for the reply to a call, and the tag that lets the caller match that reply
 * among its other messages (Erlang's {@code From}). A handler that cannot answer at once keeps it
 * (in its state, or in a message to another process) and answers later with {@link #reply}.
 * Plain data: it can travel in messages and be frozen with the process that holds it.
 *
 * @param caller the calling process (or endpoint, for calls from outside processes)
 * @param tag the caller's monitor on the server, which is also the reply's tag
 */
public record From(Pid caller, MonitorRef tag) {

    /** Sends {@code value} (may be null) as the call's reply; call it from inside a process. */
    public void reply(Object value) {
        Processes.send(caller, new CallReply(tag, value));
    }

    /** Sends {@code value} as the call's reply from code that is not a process. */
    public void reply(ProcessRuntime runtime, Object value) {
        runtime.send(caller, new CallReply(tag, value));
    }
}
