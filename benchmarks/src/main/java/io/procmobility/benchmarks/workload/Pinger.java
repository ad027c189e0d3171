package io.procmobility.benchmarks.workload;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;

/**
 * On an {@link Integer} {@code n}: plays {@code n} round trips with the ponger (sends its own pid,
 * receives {@code "pong"}), then sends the number of pongs it got to {@code replyTo}. Ends on any
 * other message.
 */
public class Pinger implements MobileProcess {
    private final Pid ponger;
    private final Pid replyTo;

    public Pinger(Pid ponger, Pid replyTo) {
        this.ponger = ponger;
        this.replyTo = replyTo;
    }

    @Override
    public void run() {
        Pid self = Processes.self();
        while (true) {
            Object message = Processes.receive();
            if (!(message instanceof Integer)) {
                return;
            }
            int n = (Integer) message;
            int pongs = 0;
            for (int i = 0; i < n; i++) {
                Processes.send(ponger, self);
                if ("pong".equals(Processes.receive())) {
                    pongs++;
                }
            }
            Processes.send(replyTo, pongs);
        }
    }
}
