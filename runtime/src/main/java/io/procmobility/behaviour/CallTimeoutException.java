package io.procmobility.behaviour;

import io.procmobility.process.Pid;
import java.time.Duration;

/**
 * A call got no reply in time while the server was still alive (busy, blocked on something, or a
 * handler that never replies). A reply arriving later is dropped by behaviour loops.
 */
public final class CallTimeoutException extends CallException {
    private static final long serialVersionUID = 1L;
    private final Duration timeout;

    CallTimeoutException(Pid server, Object request, Duration timeout) {
        super(server, "call to " + server + " with a " + describe(request) + " request timed out after "
                + timeout.toMillis() + " ms: the server is alive but did not reply in time");
        this.timeout = timeout;
    }

    /** The timeout that expired. */
    public Duration timeout() {
        return timeout;
    }
}
