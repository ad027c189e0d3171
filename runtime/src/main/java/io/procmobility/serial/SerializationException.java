package io.procmobility.serial;

import io.procmobility.continuation.ContinuationException;

/**
 * A continuation could not be serialized or deserialized: a captured object of a class outside the
 * {@link SerialAllowlist}, a lambda that is not serializable, a payload above the
 * {@link SerialLimits}, or malformed bytes. The message names the class, the frame and the local
 * variable where it can, and says how to fix it; the underlying Kryo error, if any, is the cause.
 */
public class SerializationException extends ContinuationException {
    private static final long serialVersionUID = 1L;

    /** With a message. */
    public SerializationException(String message) {
        super(message);
    }

    /** With a message and the cause, which is always kept. */
    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
