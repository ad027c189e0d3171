package io.procmobility.continuation;

/**
 * A captured continuation cannot be resumed here: a class of one of its frames is missing, is not
 * instrumented, or its method's bytecode changed since the capture.
 */
public class ResumeException extends ContinuationException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the class and method. */
    public ResumeException(String message) {
        super(message);
    }

    /** With a message and cause. */
    public ResumeException(String message, Throwable cause) {
        super(message, cause);
    }
}
