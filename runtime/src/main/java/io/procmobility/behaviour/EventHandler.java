package io.procmobility.behaviour;

import io.procmobility.process.ExitReason;

/**
 * A handler plugged into a {@link MobileEventManager} (Erlang's gen_event callback module). It
 * keeps its state in its own fields and travels with the manager. Its methods run inside the
 * manager's process, one event at a time, and may suspend (e.g. call a server). A handler that
 * throws is removed — {@link #terminate} is called with the crash — and the others keep running.
 * Classes implementing this interface are instrumented automatically.
 */
public interface EventHandler {
    /** Called when the handler is added; throwing refuses the handler (the add fails). */
    default void init() {
    }

    /** Handles an event sent with {@link MobileEventManager#notify} or {@link MobileEventManager#syncNotify}. */
    void handleEvent(Object event);

    /** Answers a request sent to this handler with {@link MobileEventManager#call}; the default refuses it. */
    default Object handleCall(Object request) {
        throw new UnsupportedOperationException(getClass().getName() + " does not handle calls; override handleCall");
    }

    /** Handles any other message the manager's process receives; the default ignores it. */
    default void handleInfo(Object message) {
    }

    /**
     * Called when the handler leaves: {@code removed} (deleteHandler), a crash of one of its
     * methods, or the manager's stop reason.
     */
    default void terminate(ExitReason reason) {
    }
}
