package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.util.concurrent.BlockingQueue;

/** Links to a given process (trapping exits or not) and reports what it receives. */
public class Linker implements MobileProcess {
    private final BlockingQueue<Object> out;
    private final Pid target;
    private final boolean trap;

    public Linker(BlockingQueue<Object> out, Pid target, Boolean trap) {
        this.out = out;
        this.target = target;
        this.trap = trap;
    }

    @Override
    public void run() {
        Processes.trapExit(trap);
        Processes.link(target);
        out.add("linked");
        out.add(Processes.receive());
    }
}
