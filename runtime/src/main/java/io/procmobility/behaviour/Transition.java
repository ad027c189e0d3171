package io.procmobility.behaviour;

import io.procmobility.process.ExitReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link MobileStateMachine} does after an event: the next state and data (or keep them,
 * or stop), plus actions chained on it — replies, postponing the event, state and event timeouts.
 *
 * <pre>{@code
 * return Transition.next(OPEN, data)
 *         .reply(event.from(), "opened")
 *         .stateTimeout(Duration.ofSeconds(10), "relock");
 * }</pre>
 *
 * @param <S> the machine's states
 * @param <D> the machine's data
 */
public final class Transition<S, D> {
    final boolean keepState;
    final S state;
    final boolean keepData;
    final D data;
    final ExitReason stopReason;

    final List<From> replyTo = new ArrayList<>(0);
    final List<Object> replyValues = new ArrayList<>(0);
    boolean postpone;
    Duration stateTimeout;
    Object stateTimeoutContent;
    boolean cancelStateTimeout;
    Duration eventTimeout;
    Object eventTimeoutContent;

    private Transition(boolean keepState, S state, boolean keepData, D data, ExitReason stopReason) {
        this.keepState = keepState;
        this.state = state;
        this.keepData = keepData;
        this.data = data;
        this.stopReason = stopReason;
    }

    /**
     * Goes to {@code state} with {@code data}. When {@code state} differs from the current one
     * (by {@code equals}), the state timeout is cancelled and postponed events are retried.
     */
    public static <S, D> Transition<S, D> next(S state, D data) {
        return new Transition<>(false, Objects.requireNonNull(state, "state"), false, data, null);
    }

    /** Stays in the current state with new {@code data}. */
    public static <S, D> Transition<S, D> keepState(D data) {
        return new Transition<>(true, null, false, data, null);
    }

    /** Stays in the current state with the current data. */
    public static <S, D> Transition<S, D> keepStateAndData() {
        return new Transition<>(true, null, true, null, null);
    }

    /** Stops: {@code terminate(reason, state, data)} runs with the current data, then the machine ends with {@code reason}. */
    public static <S, D> Transition<S, D> stop(ExitReason reason) {
        return new Transition<>(true, null, true, null, Objects.requireNonNull(reason, "reason"));
    }

    /** Stops with new {@code data} passed to {@code terminate}. */
    public static <S, D> Transition<S, D> stop(ExitReason reason, D data) {
        return new Transition<>(true, null, false, data, Objects.requireNonNull(reason, "reason"));
    }

    /** Replies {@code value} (may be null) to a caller, e.g. {@code event.from()}; sent before anything else happens. */
    public Transition<S, D> reply(From from, Object value) {
        replyTo.add(Objects.requireNonNull(from, "from (only CALL events have one)"));
        replyValues.add(value);
        return this;
    }

    /** Keeps the current event aside and hands it again after the next state change. */
    public Transition<S, D> postpone() {
        postpone = true;
        return this;
    }

    /**
     * Delivers a {@link EventType#STATE_TIMEOUT} event with {@code content} if the machine is
     * still in the state it goes to after {@code after}; replaces a running state timeout, and
     * is cancelled by any change of state.
     */
    public Transition<S, D> stateTimeout(Duration after, Object content) {
        stateTimeout = Objects.requireNonNull(after, "after");
        stateTimeoutContent = content;
        cancelStateTimeout = false;
        return this;
    }

    /** Cancels a running state timeout without changing state. */
    public Transition<S, D> cancelStateTimeout() {
        stateTimeout = null;
        stateTimeoutContent = null;
        cancelStateTimeout = true;
        return this;
    }

    /**
     * Delivers an {@link EventType#EVENT_TIMEOUT} event with {@code content} when no other event
     * arrives within {@code after}; any event cancels it.
     */
    public Transition<S, D> eventTimeout(Duration after, Object content) {
        eventTimeout = Objects.requireNonNull(after, "after");
        eventTimeoutContent = content;
        return this;
    }

    boolean isStop() {
        return stopReason != null;
    }
}
