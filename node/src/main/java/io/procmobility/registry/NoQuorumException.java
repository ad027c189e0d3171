package io.procmobility.registry;

/**
 * A write that could not be committed because this node cannot reach a majority of the cluster's
 * configured members in time (it is on the minority side of a partition, or too many members are
 * down). Nothing was committed by this attempt unless the message says the outcome is unknown.
 */
public final class NoQuorumException extends RegistryException {
    private static final long serialVersionUID = 1L;

    public NoQuorumException(String message) {
        super(message);
    }

    public NoQuorumException(String message, Throwable cause) {
        super(message, cause);
    }
}
