package io.procmobility.behaviour;

import java.util.Objects;

/**
 * One event handed to {@link MobileStateMachine#handleEvent}. Plain data: postponed events are
 * kept in the machine's loop and travel with the process.
 *
 * @param type what kind of event
 * @param content the request, message, or the timeout's content
 * @param from the caller to reply to, for {@link EventType#CALL} events; null otherwise
 */
public record Event(EventType type, Object content, From from) {
    /** True when this event is of {@code type}. */
    public boolean is(EventType type) {
        return this.type == type;
    }

    /** True when this event is of {@code type} and its content equals {@code content}. */
    public boolean is(EventType type, Object content) {
        return this.type == type && Objects.equals(this.content, content);
    }
}
