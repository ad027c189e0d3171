package io.procmobility.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * The record of a node marked down: who, why, and when (as seen by the member that reported it).
 *
 * @param node   the node's name
 * @param reason {@link LeaveReason#LEFT} for a clean leave, {@link LeaveReason#FAILED} for failure detection
 * @param detail how it was detected, e.g. {@code "its cluster connection closed (crashed or killed)"}
 * @param at     when it was detected
 */
public record NodeDown(String node, LeaveReason reason, String detail, Instant at) {
    public NodeDown {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }

    /** {@code "left the cluster at ..."} or {@code "failed at ... (detail)"}, for error messages. */
    public String describe() {
        return reason == LeaveReason.LEFT
                ? "left the cluster at " + at
                : "was detected as failed at " + at + " (" + detail + ")";
    }
}
