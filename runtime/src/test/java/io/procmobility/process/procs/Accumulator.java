package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.util.List;

/** Keeps a running total in a local; answers [total, identity of its class loader] to a reply-to pid. */
public class Accumulator implements MobileProcess {
    @Override
    public void run() {
        long total = 0;
        while (true) {
            Object m = Processes.receive();
            if (m instanceof Integer n) {
                total += n;
            } else if (m instanceof Pid replyTo) {
                Processes.send(replyTo, List.of(total, System.identityHashCode(getClass().getClassLoader())));
            }
        }
    }
}
