package io.procmobility.process;

/**
 * Thrown inside a process by the runtime when an exit signal ends it at a receive, so that its
 * {@code finally} blocks run. Code should not catch it; if it does, the process still ends.
 */
public final class ProcessExit extends Error {
    private static final long serialVersionUID = 1L;
    private final transient ExitReason reason;

    ProcessExit(ExitReason reason) {
        super("process exit: " + reason, null, false, false);
        this.reason = reason;
    }

    /** The reason the process ends with. */
    public ExitReason reason() {
        return reason;
    }
}
