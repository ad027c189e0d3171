package io.procmobility.node.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.node.Destination;
import io.procmobility.node.MigrationException;
import io.procmobility.node.Mobility;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.util.List;

/**
 * Moves itself with {@code sendMe} to the cluster node named {@code to}, then tells
 * {@code observer} {@code ["moved", node it runs on, a local kept across the move]}, or
 * {@code ["failed", message]} when it stayed.
 */
public class NamedMover implements MobileProcess {
    private final Pid observer;
    private final String to;

    public NamedMover(Pid observer, String to) {
        this.observer = observer;
        this.to = to;
    }

    @Override
    public void run() {
        long kept = 42;
        try {
            Mobility.sendMe(Destination.node(to));
            Processes.send(observer, List.of("moved", Processes.node(), kept));
        } catch (MigrationException e) {
            Processes.send(observer, List.of("failed", e.getMessage()));
        }
        Processes.receive();
    }
}
