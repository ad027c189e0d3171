package io.procmobility.cluster.jgroups.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.time.Duration;
import java.util.List;

/**
 * Counts forever with its count in a local: tells {@code observer} {@code ["tick", node, n]} at
 * every step, then sleeps (where it can be moved). Other messages are answered with
 * {@code ["echo", node, message]} to {@code observer}.
 */
public class Ticker implements MobileProcess {
    private final Pid observer;
    private final long tickMillis;

    public Ticker(Pid observer, long tickMillis) {
        this.observer = observer;
        this.tickMillis = tickMillis;
    }

    @Override
    public void run() {
        long n = 0;
        while (true) {
            n++;
            Processes.send(observer, List.of("tick", Processes.node(), n));
            Object message = Processes.receive(Duration.ofMillis(tickMillis));
            if (message != null) {
                Processes.send(observer, List.of("echo", Processes.node(), message));
            }
        }
    }
}
