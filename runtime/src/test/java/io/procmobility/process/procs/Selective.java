package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Processes;
import java.util.concurrent.BlockingQueue;

/** Takes "b" first with a selective receive, then the rest in arrival order. */
public class Selective implements MobileProcess {
    private final BlockingQueue<Object> out;

    public Selective(BlockingQueue<Object> out) {
        this.out = out;
    }

    @Override
    public void run() {
        out.add(Processes.receive(m -> m.equals("b")));
        for (int i = 0; i < 3; i++) {
            out.add(Processes.receive());
        }
    }
}
