package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Processes;
import java.util.concurrent.BlockingQueue;

/** Registers a name, reports, and ends on its first message. */
public class Named implements MobileProcess {
    private final BlockingQueue<Object> out;
    private final String name;

    public Named(BlockingQueue<Object> out, String name) {
        this.out = out;
        this.name = name;
    }

    @Override
    public void run() {
        try {
            Processes.register(name);
            out.add("registered " + name);
        } catch (IllegalStateException e) {
            out.add(e.getMessage());
            return;
        }
        out.add("got " + Processes.receive());
    }
}
