package io.procmobility.registry;

/** An operation aimed at a node that is marked down (see {@link NodeDown}). */
public final class NodeDownException extends RegistryException {
    private static final long serialVersionUID = 1L;

    private final NodeDown down;

    public NodeDownException(String message, NodeDown down) {
        super(message);
        this.down = down;
    }

    /** Which node, why and when. */
    public NodeDown down() {
        return down;
    }
}
