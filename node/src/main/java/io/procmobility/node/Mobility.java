package io.procmobility.node;

import io.procmobility.process.MigrationUnavailableException;
import io.procmobility.process.Processes;

/**
 * Moves the calling process, from inside it: the seed's {@code send_me}.
 *
 * <pre>{@code
 * public void run() {                                  // a MobileProcess on node a
 *     for (int i = 0; ; i++) {
 *         System.out.println("count " + i);
 *         if (i == 10) Mobility.sendMe(Destination.tcp("localhost", 1806));
 *         Processes.sleep(Duration.ofMillis(100));
 *     }                                                // ...goes on counting 11, 12 on the other node
 * }
 * }</pre>
 */
public final class Mobility {
    private Mobility() {
    }

    /**
     * Moves the calling process to {@code destination}; returns there, on the next instruction,
     * with every local variable as it was, once the migration committed. Messages sent to it
     * meanwhile follow it, in order.
     *
     * @throws MigrationException when the move did not happen (rejected by the destination, timed
     *     out, connection lost, the runtime is not part of a {@link Node}): the process goes on here
     * @throws IllegalStateException when not called from a process
     */
    public static void sendMe(Destination destination) {
        try {
            Processes.migrateSelf(destination);
        } catch (MigrationUnavailableException e) {
            throw new MigrationException(e.getMessage(), e);
        }
    }
}
