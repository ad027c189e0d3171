package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.util.List;

/** Sends {@code count} numbered messages, yielding now and then so senders interleave. */
public class Sender implements MobileProcess {
    private final Pid target;
    private final int id;
    private final int count;

    public Sender(Pid target, int id, int count) {
        this.target = target;
        this.id = id;
        this.count = count;
    }

    @Override
    public void run() {
        for (int i = 0; i < count; i++) {
            Processes.send(target, List.of(id, i));
            if (i % 100 == 0) {
                Processes.yieldNow();
            }
        }
    }
}
