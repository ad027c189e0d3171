package io.procmobility.behaviour;

import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;

/**
 * A call failed without waiting out its timeout: the server did not exist ({@code noproc}), ended
 * before replying (its exit reason), or refused the request (e.g. an event manager's
 * {@code bad_handler}). {@link #reason()} says which.
 */
public final class CallFailedException extends CallException {
    private static final long serialVersionUID = 1L;
    private final transient ExitReason reason;

    CallFailedException(Pid server, Object request, ExitReason reason) {
        super(server, "call to " + server + " with a " + describe(request) + " request failed: " + explain(reason));
        this.reason = reason;
    }

    CallFailedException(Pid server, Object request, ExitReason reason, String message) {
        super(server, "call to " + server + " with a " + describe(request) + " request failed: " + message);
        this.reason = reason;
    }

    /**
     * The server was not alive when the call was made; {@code earlierExit} is its exit reason when
     * the runtime still remembers it ({@code noproc} otherwise).
     */
    static CallFailedException noproc(Pid server, Object request, ExitReason earlierExit) {
        if (isNodeLoss(earlierExit)) {
            return new CallFailedException(server, request, earlierExit); // alive, maybe, but out of reach
        }
        String known = ExitReason.NOPROC.equals(earlierExit) ? "" : "; it had ended with " + earlierExit;
        return new CallFailedException(server, request, ExitReason.NOPROC,
                "noproc (no such live process: it has ended or never existed" + known + ")");
    }

    /** Why: {@code noproc}, the server's exit reason, or the reason the request was refused. */
    public ExitReason reason() {
        return reason;
    }

    /** True when the server was not a live process when the call was made. */
    public boolean isNoproc() {
        return ExitReason.NOPROC.equals(reason);
    }

    private static boolean isNodeLoss(ExitReason reason) {
        return ExitReason.NODEDOWN.equals(reason) || ExitReason.NOCONNECTION.equals(reason);
    }

    private static String explain(ExitReason reason) {
        if (ExitReason.NOPROC.equals(reason)) {
            return "noproc (no such live process: it has ended or never existed)";
        }
        if (ExitReason.NODEDOWN.equals(reason)) {
            return "nodedown (the node it lives on was detected as down by the cluster; no reply can come until that node"
                    + " rejoins)";
        }
        if (ExitReason.NOCONNECTION.equals(reason)) {
            return "noconnection (the connection to the node it lives on was lost)";
        }
        return "the server exited before replying (" + reason + ")";
    }
}
