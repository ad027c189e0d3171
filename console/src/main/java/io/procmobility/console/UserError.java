package io.procmobility.console;

/**
 * A mistake of the person typing (unknown name, bad syntax, unreachable node): the console prints
 * its message as one line, {@code error: <message>}, never a stack trace.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line that says what is wrong and, where possible, what to try */
    public UserError(String message) {
        super(message, null, false, false);
    }
}
