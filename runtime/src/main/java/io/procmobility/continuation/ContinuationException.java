package io.procmobility.continuation;

/**
 * Root of the unchecked exceptions thrown by continuations. Messages say where (class, method,
 * line) and how to fix it.
 */
public class ContinuationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message. */
    public ContinuationException(String message) {
        super(message);
    }

    /** With a message and the cause, which is always kept. */
    public ContinuationException(String message, Throwable cause) {
        super(message, cause);
    }
}
