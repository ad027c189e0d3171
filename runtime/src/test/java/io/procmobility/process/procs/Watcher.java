package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.util.concurrent.BlockingQueue;

/** Monitors a process and reports the Down message. */
public class Watcher implements MobileProcess {
    private final BlockingQueue<Object> out;
    private final Pid target;

    public Watcher(BlockingQueue<Object> out, Pid target) {
        this.out = out;
        this.target = target;
    }

    @Override
    public void run() {
        out.add(Processes.monitor(target));
        out.add(Processes.receive());
    }
}
