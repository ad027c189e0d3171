package io.procmobility.benchmarks.workload;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Processes;

/** Waits in {@code receive()} for one message, then ends (idle-memory measurement). */
public class Waiter implements MobileProcess {
    @Override
    public void run() {
        Processes.receive();
    }
}
