package io.procmobility.behaviour;

import io.procmobility.serial.WireSerializer.Registration;
import java.util.List;

/**
 * The behaviours' protocol messages (calls, replies, casts, event-manager requests) as wire types:
 * they travel inside messages between nodes when a process calls a server on another node. The
 * node registers them with its transport, which itself knows nothing of behaviours.
 *
 * <p>The IDs are wire format: every node must use the same, so append new types with new IDs,
 * never renumber or reuse one. They interleave with the transport's own IDs (200–213, 225 and up)
 * for compatibility with nodes built before the transport and the behaviours were separated.
 */
public final class BehaviourWireTypes {
    /** The registrations, IDs 214 to 224. */
    public static final List<Registration> ALL = List.of(
            Registration.of(214, Call.class),
            Registration.of(215, CallReply.class),
            Registration.of(216, CallError.class),
            Registration.of(217, Cast.class),
            Registration.of(218, From.class),
            Registration.of(219, StopRequest.class),
            Registration.of(220, ManagerRequests.DeleteHandler.class),
            Registration.of(221, ManagerRequests.Notify.class),
            Registration.of(222, ManagerRequests.HandlerCall.class),
            Registration.of(223, ManagerRequests.WhichHandlers.class),
            Registration.of(224, ManagerRequests.AddHandler.class));

    private BehaviourWireTypes() {
    }
}
