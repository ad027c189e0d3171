package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Processes;
import java.util.concurrent.atomic.AtomicInteger;

/** Waits for one message, counts it, ends: the smallest useful process. */
public class Idle implements MobileProcess {
    private final AtomicInteger done;

    public Idle(AtomicInteger done) {
        this.done = done;
    }

    @Override
    public void run() {
        Processes.receive();
        done.incrementAndGet();
    }
}
