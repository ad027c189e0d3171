package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.ProcessRef;
import io.procmobility.process.Processes;
import java.util.concurrent.BlockingQueue;

/** Spawns a linked crasher; traps exits or not, reports what it receives. */
public class LinkedParent implements MobileProcess {
    private final BlockingQueue<Object> out;
    private final boolean trap;

    public LinkedParent(BlockingQueue<Object> out, Boolean trap) {
        this.out = out;
        this.trap = trap;
    }

    @Override
    public void run() {
        Processes.trapExit(trap);
        ProcessRef child = Processes.spawnLink(new Crasher(false));
        out.add(child.pid());
        out.add(Processes.receive());
    }
}
