package io.procmobility.examples;

import io.procmobility.node.Destination;
import io.procmobility.node.MigrationException;
import io.procmobility.node.MigrationResult;
import io.procmobility.node.Node;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The one place where the examples and the console call the live-migration API
 * ({@code Node.migrate}, {@code Mobility.sendMe}) and ask which node a process runs on. Everything
 * else goes through here, so wiring the real API is a change to this class alone.
 *
 * <p><b>TODO-REMOVE when main has migration</b>: the bodies marked below are stand-ins until
 * {@code Node.migrate(Pid, Destination)}, {@code Node.migrate(String, Destination)} and
 * {@code io.procmobility.node.Mobility.sendMe(Destination)} exist on main. Each stand-in fails the
 * way a refused migration does ({@link MigrationException}), with a message that says why; the
 * real call is written next to it.
 */
public final class MobilityBridge {
    /**
     * System property holding this JVM's node name, set by the console when it starts its node (one
     * node per console JVM). Read by {@link #currentNode()}.
     */
    public static final String NODE_PROPERTY = "procmobility.node";

    static final String NOT_YET = "live migration is not in this build yet (issue 4: Node.migrate / Mobility.sendMe)";

    private MobilityBridge() {
    }

    /**
     * Moves process {@code pid} of {@code node} to {@code to}; the future completes when the
     * destination has committed, or fails with a {@link MigrationException} naming the reason (the
     * process then keeps running where it was).
     */
    public static CompletableFuture<MigrationResult> migrate(Node node, Pid pid, Destination to) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(to, "to");
        // TODO-REMOVE when main has migration: replace the next line with
        //     return node.migrate(pid, to);
        return CompletableFuture.failedFuture(new MigrationException("cannot move " + pid + " from " + node.name()
                + " to " + to + ": " + NOT_YET));
    }

    /** {@link #migrate(Node, Pid, Destination)} for the process registered as {@code registeredName} on {@code node}. */
    public static CompletableFuture<MigrationResult> migrate(Node node, String registeredName, Destination to) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(registeredName, "registeredName");
        Objects.requireNonNull(to, "to");
        // TODO-REMOVE when main has migration: replace the next line with
        //     return node.migrate(registeredName, to);
        return CompletableFuture.failedFuture(new MigrationException("cannot move '" + registeredName + "' from "
                + node.name() + " to " + to + ": " + NOT_YET));
    }

    /**
     * Moves the calling process to {@code to}; returns on the destination, after the commit. Call it
     * from inside a process (it suspends).
     *
     * @throws MigrationException when the move did not happen; the process goes on here
     */
    public static void sendMe(Destination to) {
        Objects.requireNonNull(to, "to");
        // TODO-REMOVE when main has migration: replace the next line with
        //     io.procmobility.node.Mobility.sendMe(to);
        throw new MigrationException("cannot move " + Processes.self() + " to " + to + ": " + NOT_YET);
    }

    /**
     * The name of the node the calling process runs on now (call it from inside a process): the
     * {@link #NODE_PROPERTY} system property, else {@code nonode@} and the runtime's incarnation (a
     * runtime that is not part of a console node).
     *
     * <p>TODO when the runtime tells a process its node (e.g. a {@code Processes.node()}): use it
     * here, so that several nodes in one JVM (tests) print their own names.
     */
    public static String currentNode() {
        String name = System.getProperty(NODE_PROPERTY);
        if (name != null && !name.isBlank()) {
            return name;
        }
        return "nonode@" + String.format("%016x", Processes.runtime().incarnation()).substring(0, 8);
    }
}
