package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.time.Duration;

/** Sleeps, then answers "slept" to the first pid it receives. */
public class SleepThenAnswer implements MobileProcess {
    private final long millis;

    public SleepThenAnswer(Long millis) {
        this.millis = millis;
    }

    @Override
    public void run() {
        Processes.sleep(Duration.ofMillis(millis));
        Pid replyTo = (Pid) Processes.receive();
        Processes.send(replyTo, "slept " + millis);
    }
}
