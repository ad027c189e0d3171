package io.procmobility.behaviour;

/**
 * Wire protocol, not for application code: the requests a {@link MobileEventManager} takes,
 * wrapped in {@link Call} or {@link Cast}.
 */
public final class ManagerRequests {
    private ManagerRequests() {
    }

    /** Adds {@code handler} as {@code id}. */
    public record AddHandler(String id, EventHandler handler) {
    }

    /** Removes the handler {@code id}. */
    public record DeleteHandler(String id) {
    }

    /** An event for every handler (cast: notify, call: syncNotify). */
    public record Notify(Object event) {
    }

    /** A request for the handler {@code id}. */
    public record HandlerCall(String id, Object request) {
    }

    /** The ids of the handlers, in the order they were added. */
    public record WhichHandlers() {
    }
}
