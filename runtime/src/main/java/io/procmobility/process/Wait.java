package io.procmobility.process;

import java.util.function.Predicate;

/**
 * What a suspended process waits for. It is the continuation's suspension value and comes back
 * as the resume value, so the receive primitive gets its pattern and deadline back after a
 * resume (a primitive's arguments are not part of any saved frame).
 */
final class Wait {
    enum Kind { RECEIVE, SLEEP, YIELD, MIGRATE }

    // Plain classes, not lambdas: a frozen process carries its Wait, and these must serialize.
    private static final Predicate<Object> ANY = new AnyMessage();
    private static final Predicate<Object> NONE = new NoMessage();

    /** Matches every message. */
    static final class AnyMessage implements Predicate<Object> {
        @Override
        public boolean test(Object message) {
            return true;
        }
    }

    /** Matches nothing (sleep, yield). */
    static final class NoMessage implements Predicate<Object> {
        @Override
        public boolean test(Object message) {
            return false;
        }
    }

    final Kind kind;
    final Predicate<Object> pattern;
    final boolean hasDeadline;
    /** Absolute {@link System#nanoTime()} deadline; meaningful only when {@link #hasDeadline}. */
    final long deadline;

    private Wait(Kind kind, Predicate<Object> pattern, boolean hasDeadline, long deadline) {
        this.kind = kind;
        this.pattern = pattern;
        this.hasDeadline = hasDeadline;
        this.deadline = deadline;
    }

    /** Waits for a message matching {@code pattern} (any when null), for at most {@code timeoutNanos} (< 0: forever). */
    static Wait receive(Predicate<Object> pattern, long timeoutNanos) {
        return new Wait(Kind.RECEIVE, pattern == null ? ANY : pattern, timeoutNanos >= 0,
                System.nanoTime() + Math.max(0, timeoutNanos));
    }

    static Wait sleep(long nanos) {
        return new Wait(Kind.SLEEP, NONE, true, System.nanoTime() + Math.max(0, nanos));
    }

    /** Suspended in {@code Mobility.sendMe}: only the outcome of the migration resumes it. */
    static Wait migrate() {
        return new Wait(Kind.MIGRATE, NONE, false, 0);
    }

    static Wait yieldNow() {
        return new Wait(Kind.YIELD, NONE, false, 0);
    }

    /** The same wait, re-based on this JVM's clock with {@code remainingNanos} left (after a thaw). */
    static Wait rebased(Kind kind, Predicate<Object> pattern, boolean hasDeadline, long remainingNanos) {
        return new Wait(kind, pattern, hasDeadline, System.nanoTime() + remainingNanos);
    }

    /** True when a new message should wake the process. */
    boolean wakesOnMessage() {
        return kind == Kind.RECEIVE;
    }

    boolean expired() {
        return hasDeadline && System.nanoTime() - deadline >= 0;
    }

    /** Nanoseconds left, 0 when expired. */
    long remainingNanos() {
        return Math.max(0, deadline - System.nanoTime());
    }
}
