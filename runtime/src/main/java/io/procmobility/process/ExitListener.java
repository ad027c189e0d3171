package io.procmobility.process;

/**
 * Told when a process of the runtime ends (not when it migrates away); a node uses it to release
 * the process's cluster-wide owner record. Called on the carrier thread that ran the process: must
 * not block.
 */
@FunctionalInterface
public interface ExitListener {
    /**
     * Process {@code pid} ended with {@code reason}; {@code epoch} counts the migrations it went
     * through (0 when it never moved).
     */
    void exited(Pid pid, long epoch, ExitReason reason);
}
