package io.procmobility.behaviour;

import io.procmobility.process.ExitReason;
import java.util.Objects;

/**
 * What a {@link MobileServer} handler decides: reply now and continue, continue without replying
 * (the handler keeps the {@link From} and replies later), or stop — with a reply to the caller
 * first when the handler was handling a call.
 *
 * @param <S> the server's state
 */
public final class ServerResult<S> {
    enum Kind { REPLY, NO_REPLY, STOP }

    final Kind kind;
    final S state;
    final boolean hasReply;
    final Object reply;
    final ExitReason reason;

    private ServerResult(Kind kind, S state, boolean hasReply, Object reply, ExitReason reason) {
        this.kind = kind;
        this.state = state;
        this.hasReply = hasReply;
        this.reply = reply;
        this.reason = reason;
    }

    /** Replies {@code value} (may be null) to the call and continues with {@code state}; only from {@code handleCall}. */
    public static <S> ServerResult<S> reply(Object value, S state) {
        return new ServerResult<>(Kind.REPLY, state, true, value, null);
    }

    /** Continues with {@code state}; a call being handled is answered later with {@link From#reply}. */
    public static <S> ServerResult<S> noReply(S state) {
        return new ServerResult<>(Kind.NO_REPLY, state, false, null, null);
    }

    /** Stops: {@code terminate(reason, state)} runs, then the server ends with {@code reason}. */
    public static <S> ServerResult<S> stop(ExitReason reason, S state) {
        return new ServerResult<>(Kind.STOP, state, false, null, Objects.requireNonNull(reason, "reason"));
    }

    /** Replies {@code value} to the call being handled, then stops as {@link #stop(ExitReason, Object)}. */
    public static <S> ServerResult<S> stop(ExitReason reason, Object value, S state) {
        return new ServerResult<>(Kind.STOP, state, true, value, Objects.requireNonNull(reason, "reason"));
    }

    /** The state the server continues (or terminates) with. */
    public S state() {
        return state;
    }

    @Override
    public String toString() {
        switch (kind) {
            case REPLY: return "reply(" + reply + ")";
            case NO_REPLY: return "noReply";
            default: return "stop(" + reason + (hasReply ? ", reply " + reply : "") + ")";
        }
    }
}
