package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Processes;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/** Asks to be moved in a runtime that is not part of a node; reports the failure, then that it goes on. */
public class MobileWithoutANode implements MobileProcess {
    private final BlockingQueue<Object> out;

    public MobileWithoutANode(BlockingQueue<Object> out) {
        this.out = out;
    }

    @Override
    public void run() {
        try {
            Processes.migrateSelf("elsewhere");
            out.add("moved");
        } catch (RuntimeException e) {
            out.add(List.of(e.getClass().getName(), String.valueOf(e.getMessage())));
        }
        Processes.yieldNow();
        out.add("still here");
    }
}
