package io.procmobility.behaviour.messages;

/** Requests of the code lock example (shared by the test and the instrumented examples). */
public final class Lock {
    private Lock() {
    }

    /** Cast: a button pressed. */
    public record Button(char digit) {
    }

    /** Cast: lock an open door at once. */
    public record LockNow() {
    }

    /** Call: answered "open" once the door is open (postponed while locked). */
    public record WaitOpen() {
    }

    /** Call: the current state's name. */
    public record GetState() {
    }

    /** Call: the handler throws. */
    public record Crash() {
    }
}
