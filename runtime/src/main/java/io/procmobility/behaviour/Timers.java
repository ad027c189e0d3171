package io.procmobility.behaviour;

import java.time.Duration;

/**
 * A state machine's two timers, as deadlines its loop waits for with a receive timeout (no timer
 * thread, nothing to cancel). Deadlines are wall-clock milliseconds rather than
 * {@code System.nanoTime()}: they are frozen with the process and must still mean something in
 * another JVM, where nanoTime has another origin.
 */
final class Timers {
    private boolean stateArmed;
    private long stateDeadline;
    private Object stateContent;
    private boolean eventArmed;
    private long eventDeadline;
    private Object eventContent;

    void armState(Duration after, Object content) {
        stateArmed = true;
        stateDeadline = deadline(after);
        stateContent = content;
    }

    void cancelState() {
        stateArmed = false;
        stateContent = null;
    }

    void armEvent(Duration after, Object content) {
        eventArmed = true;
        eventDeadline = deadline(after);
        eventContent = content;
    }

    void cancelEvent() {
        eventArmed = false;
        eventContent = null;
    }

    boolean armed() {
        return stateArmed || eventArmed;
    }

    /** Milliseconds until the first armed timer is due (0 when due); only when {@link #armed()}. */
    long millisToNext() {
        long next = !stateArmed ? eventDeadline : !eventArmed ? stateDeadline : Math.min(stateDeadline, eventDeadline);
        return Math.max(0, next - System.currentTimeMillis());
    }

    /** The event of the first armed timer, which is disarmed; only when {@link #armed()}. */
    Event fire() {
        if (stateArmed && (!eventArmed || stateDeadline <= eventDeadline)) {
            Event event = new Event(EventType.STATE_TIMEOUT, stateContent, null);
            cancelState();
            return event;
        }
        Event event = new Event(EventType.EVENT_TIMEOUT, eventContent, null);
        cancelEvent();
        return event;
    }

    private static long deadline(Duration after) {
        return System.currentTimeMillis() + Math.max(0, after.toMillis());
    }
}
