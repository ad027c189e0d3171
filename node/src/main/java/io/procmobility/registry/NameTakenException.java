package io.procmobility.registry;

import io.procmobility.process.Pid;

/** A name registration refused because another process holds the name, somewhere in the cluster. */
public final class NameTakenException extends RegistryException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient Pid owner;
    private final String ownerNode;

    public NameTakenException(String name, Pid claimant, Pid owner, String ownerNode) {
        super("cannot register '" + name + "' for process " + claimant + ": the name is held by process " + owner
                + " on node " + ownerNode + "; unregister it there first, or pick another name");
        this.name = name;
        this.owner = owner;
        this.ownerNode = ownerNode;
    }

    /** The contested name. */
    public String name() {
        return name;
    }

    /** The process that holds it. */
    public Pid owner() {
        return owner;
    }

    /** The node of the process that holds it. */
    public String ownerNode() {
        return ownerNode;
    }
}
