package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Processes;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;

/** Sleeps (suspended, no carrier held) and reports. */
public class Sleeper implements MobileProcess {
    private final BlockingQueue<Object> out;
    private final long millis;

    public Sleeper(BlockingQueue<Object> out, Long millis) {
        this.out = out;
        this.millis = millis;
    }

    @Override
    public void run() {
        Processes.sleep(Duration.ofMillis(millis));
        out.add(Processes.self());
    }
}
