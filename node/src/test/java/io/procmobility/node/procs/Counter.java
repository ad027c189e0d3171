package io.procmobility.node.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.time.Duration;
import java.util.List;

/**
 * Counts forever, mid-loop state in locals: reports {@code [incarnation of the runtime it runs in, n]}
 * to {@code observer} at every step, then sleeps (a suspension point where it can be moved).
 */
public class Counter implements MobileProcess {
    private final Pid observer;
    private final long tickMillis;

    public Counter(Pid observer, Long tickMillis) {
        this.observer = observer;
        this.tickMillis = tickMillis;
    }

    @Override
    public void run() {
        long n = 0;
        while (true) {
            n++;
            Processes.send(observer, List.of(Processes.runtime().incarnation(), n));
            Processes.sleep(Duration.ofMillis(tickMillis));
        }
    }
}
