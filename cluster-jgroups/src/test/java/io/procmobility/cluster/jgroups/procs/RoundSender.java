package io.procmobility.cluster.jgroups.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.time.Duration;
import java.util.List;

/**
 * Sends {@code rounds} rounds of numbered messages: in round r, {@code [id, r]} to every target,
 * then sleeps {@code pauseMillis}. When done tells {@code observer} {@code ["sent", id, messages]}.
 */
public class RoundSender implements MobileProcess {
    private final int id;
    private final List<Pid> targets;
    private final long rounds;
    private final long pauseMillis;
    private final Pid observer;

    public RoundSender(int id, List<Pid> targets, long rounds, long pauseMillis, Pid observer) {
        this.id = id;
        this.targets = targets;
        this.rounds = rounds;
        this.pauseMillis = pauseMillis;
        this.observer = observer;
    }

    @Override
    public void run() {
        long sent = 0;
        for (long r = 1; r <= rounds; r++) {
            for (Pid target : targets) {
                Processes.send(target, List.of(id, r));
                sent++;
            }
            Processes.sleep(Duration.ofMillis(pauseMillis));
        }
        Processes.send(observer, List.of("sent", id, sent));
    }
}
