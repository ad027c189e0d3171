package io.procmobility.benchmarks.workload;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Processes;

/** Waits in {@code receive()} forever, counting what it gets: a small process to move between nodes. */
public class Roamer implements MobileProcess {
    @Override
    public void run() {
        long received = 0;
        while (true) {
            Processes.receive();
            received++;
        }
    }
}
