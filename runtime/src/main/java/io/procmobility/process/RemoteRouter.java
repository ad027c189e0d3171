package io.procmobility.process;

/**
 * Carries a message to a pid that does not live in this runtime (a node's job). Called on the
 * sender's thread: must not block.
 */
@FunctionalInterface
public interface RemoteRouter {
    /** Sends {@code message} towards {@code to}; false when no route is known (the message is then dropped and counted). */
    boolean route(Pid to, Object message);
}
