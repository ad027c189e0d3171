package io.procmobility.registry;

/** Why a node is no longer a member. */
public enum LeaveReason {
    /** It announced its leave (its registry was closed). */
    LEFT,
    /**
     * Failure detection removed it: it crashed, was killed, or cannot be reached (a partition looks
     * the same from this side).
     */
    FAILED
}
