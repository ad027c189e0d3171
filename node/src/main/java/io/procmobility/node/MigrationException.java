package io.procmobility.node;

/**
 * A migration that did not happen: the process keeps running where it was. Thrown inside the
 * process by {@code Mobility.sendMe}, and the failure of the future returned by
 * {@code Node.migrate}. The message names the pid, both nodes and the reason (rejected by the
 * destination, timed out, connection lost, not suspended).
 */
public final class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
