package io.procmobility.benchmarks.workload;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;

/** Answers every {@link Pid} it receives with {@code "pong"} to that pid; ends on any other message. */
public class Ponger implements MobileProcess {
    @Override
    public void run() {
        while (true) {
            Object message = Processes.receive();
            if (!(message instanceof Pid)) {
                return;
            }
            Processes.send((Pid) message, "pong");
        }
    }
}
