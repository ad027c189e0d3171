package io.procmobility.transport;

/** A transport-level failure: cannot bind, cannot connect, handshake refused. The message names the peer. */
public class TransportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message. */
    public TransportException(String message) {
        super(message);
    }

    /** With a message and cause. */
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
