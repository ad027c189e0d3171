package io.procmobility.behaviour;

/** The kinds of events a {@link MobileStateMachine} handles. */
public enum EventType {
    /** A synchronous request ({@link MobileStateMachine#call}); the event's {@code from()} gets the reply. */
    CALL,
    /** An asynchronous request ({@link MobileStateMachine#cast}). */
    CAST,
    /** Any other message sent to the process. */
    INFO,
    /** The machine stayed in one state for the time a {@link Transition#stateTimeout} set. */
    STATE_TIMEOUT,
    /** No event arrived for the time an {@link Transition#eventTimeout} set. */
    EVENT_TIMEOUT
}
