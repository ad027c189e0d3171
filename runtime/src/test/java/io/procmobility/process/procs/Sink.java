package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Processes;
import java.util.concurrent.BlockingQueue;

/** Forwards every message to a queue the test reads. */
public class Sink implements MobileProcess {
    private final BlockingQueue<Object> out;

    public Sink(BlockingQueue<Object> out) {
        this.out = out;
    }

    @Override
    public void run() {
        while (true) {
            out.add(Processes.receive());
        }
    }
}
