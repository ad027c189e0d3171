package io.procmobility.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A node joined or left, with the membership that resulted, as seen by this node. */
public sealed interface MembershipEvent {
    /** The node that joined or left. */
    String node();

    /** The members after the change, this node included. */
    Set<String> members();

    /** When this node saw the change. */
    Instant at();

    /** A node joined (started, or came back after a partition healed). */
    record Joined(String node, Set<String> members, Instant at) implements MembershipEvent {
        public Joined {
            Objects.requireNonNull(node, "node");
            members = Set.copyOf(members);
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A node left: {@code reason} tells a clean leave from a failure, {@code detail} says how it was
     * detected (e.g. {@code "its cluster connection closed (crashed or killed), confirmed by VERIFY_SUSPECT2"}).
     */
    record Left(String node, LeaveReason reason, String detail, Set<String> members, Instant at) implements MembershipEvent {
        public Left {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            members = Set.copyOf(members);
            Objects.requireNonNull(at, "at");
        }
    }
}
