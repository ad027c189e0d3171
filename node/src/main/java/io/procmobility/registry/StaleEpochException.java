package io.procmobility.registry;

import io.procmobility.process.Pid;

/**
 * A claim or release refused because the owner record has moved on: another node holds the pid
 * with a higher (or the same) epoch. The caller is a stale owner — it must not run the process.
 */
public final class StaleEpochException extends RegistryException {
    private static final long serialVersionUID = 1L;

    private final transient Pid pid;
    private final long attemptedEpoch;
    private final String currentNode;
    private final long currentEpoch;

    public StaleEpochException(String operation, Pid pid, String attemptedNode, long attemptedEpoch,
            String currentNode, long currentEpoch) {
        super(operation + " of process " + pid + (attemptedNode == null ? "" : " for node " + attemptedNode)
                + " at epoch " + attemptedEpoch + " refused: it is owned by node " + currentNode + " at epoch "
                + currentEpoch + ". The caller holds a stale epoch (it missed a migration or was partitioned away)"
                + " and must not run this process; claim with an epoch above " + currentEpoch + " only as part of a"
                + " migration from the current owner");
        this.pid = pid;
        this.attemptedEpoch = attemptedEpoch;
        this.currentNode = currentNode;
        this.currentEpoch = currentEpoch;
    }

    /** The process. */
    public Pid pid() {
        return pid;
    }

    /** The epoch the refused operation carried. */
    public long attemptedEpoch() {
        return attemptedEpoch;
    }

    /** The node that owns the process now. */
    public String currentNode() {
        return currentNode;
    }

    /** The epoch of the current owner record. */
    public long currentEpoch() {
        return currentEpoch;
    }
}
