package io.procmobility.continuation;

/**
 * A stack could not be captured: a frame between {@link Continuation#startWith} and
 * {@link Continuation#suspend} is not instrumented, calls the code above it through a call that
 * cannot suspend, or holds a monitor. Thrown by {@code suspend} before anything is unwound, so
 * the code can catch it and go on.
 */
public class CaptureException extends ContinuationException {
    private static final long serialVersionUID = 1L;

    /** With a message that names the offending frame. */
    public CaptureException(String message) {
        super(message);
    }
}
