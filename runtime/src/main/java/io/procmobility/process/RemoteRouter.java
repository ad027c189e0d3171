package io.procmobility.process;

/**
 * Carries a message to a pid that does not live in this runtime (a node's job). Called on the
 * sender's thread: must not block.
 */
@FunctionalInterface
public interface RemoteRouter {
    /**
     * Sends {@code message} towards {@code to}; false when no route is known (the message is then
     * dropped and counted). {@code seq} numbers it in stream {@code stream} (the incarnation of the
     * runtime that first sent it), so the receiver puts it in order and drops duplicates.
     */
    boolean route(Pid to, long stream, long seq, Object message);

    /**
     * Sets up {@code watcher}'s monitor {@code ref} on a process that lives elsewhere; false when
     * no node is known for it (the watcher then gets {@code noproc} at once).
     */
    default boolean monitor(Pid watcher, Pid target, MonitorRef ref) {
        return false;
    }

    /** Removes a remote monitor set up by {@link #monitor}. */
    default void demonitor(Pid target, MonitorRef ref) {
    }

    /** Links the local process {@code local} with {@code remote}, which lives elsewhere; false when no node is known for it. */
    default boolean link(Pid local, Pid remote) {
        return false;
    }

    /** Removes a link set up by {@link #link}. */
    default void unlink(Pid local, Pid remote) {
    }

    /** Carries an exit signal from the local process {@code from} to its linked process {@code to} elsewhere. */
    default boolean exitSignal(Pid to, Pid from, ExitReason reason) {
        return false;
    }
}
