package io.procmobility.behaviour;

import io.procmobility.process.Pid;

/** Root of the errors of a synchronous call to a behaviour: the call did not produce a reply. */
public abstract class CallException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Pid server;

    CallException(Pid server, String message) {
        super(message);
        this.server = server;
    }

    /** The process that was called. */
    public Pid server() {
        return server;
    }

    static String describe(Object request) {
        return request == null ? "null" : request.getClass().getName();
    }
}
