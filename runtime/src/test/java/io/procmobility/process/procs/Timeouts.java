package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Processes;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;

/** A receive that times out, then a selective receive with timeout that gets its message. */
public class Timeouts implements MobileProcess {
    private final BlockingQueue<Object> out;

    public Timeouts(BlockingQueue<Object> out) {
        this.out = out;
    }

    @Override
    public void run() {
        Object first = Processes.receive(Duration.ofMillis(50));
        out.add(first == null ? "timeout" : first);
        Object second = Processes.receive(m -> m.equals("go"), Duration.ofSeconds(30));
        out.add(second == null ? "timeout" : second);
    }
}
