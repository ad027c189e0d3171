package io.procmobility.node.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.node.Destination;
import io.procmobility.node.MigrationException;
import io.procmobility.node.Mobility;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.util.List;

/**
 * Counts to 3, moves itself with {@code sendMe} to {@code host:port}, counts on to 6 and ends.
 * Reports {@code [incarnation, n]} per step, and {@code ["failed", message]} when the move did not happen.
 */
public class SelfMover implements MobileProcess {
    private final Pid observer;
    private final String host;
    private final int port;

    public SelfMover(Pid observer, String host, Integer port) {
        this.observer = observer;
        this.host = host;
        this.port = port;
    }

    @Override
    public void run() {
        String note = "local state survives";
        for (int n = 1; n <= 6; n++) {
            Processes.send(observer, List.of(Processes.runtime().incarnation(), (long) n));
            if (n == 3) {
                try {
                    Mobility.sendMe(Destination.tcp(host, port));
                } catch (MigrationException e) {
                    Processes.send(observer, List.of("failed", e.getMessage()));
                }
            }
        }
        Processes.send(observer, List.of("done", note));
    }
}
