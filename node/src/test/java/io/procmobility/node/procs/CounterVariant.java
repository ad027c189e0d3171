package io.procmobility.node.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.time.Duration;
import java.util.List;

/**
 * {@link Counter} as a later version of it might be: same fields and constructor, other code in
 * {@code run}. A node that loads this under Counter's name must refuse a frozen Counter (its
 * bytecode hash differs), never resume it on the wrong instruction.
 */
public class CounterVariant implements MobileProcess {
    private final Pid observer;
    private final long tickMillis;

    public CounterVariant(Pid observer, Long tickMillis) {
        this.observer = observer;
        this.tickMillis = tickMillis;
    }

    @Override
    public void run() {
        long n = 0;
        while (true) {
            n += 2;
            Processes.send(observer, List.of("variant", n));
            Processes.sleep(Duration.ofMillis(tickMillis * 2));
        }
    }
}
