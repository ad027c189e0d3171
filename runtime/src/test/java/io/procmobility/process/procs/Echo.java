package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.util.List;

/** The README's example process: answers [from, payload] with payload. */
public class Echo implements MobileProcess {
    @Override
    public void run() {
        while (true) {
            Object m = Processes.receive();                  // suspends, no thread held
            if (m instanceof List<?> l && l.get(0) instanceof Pid from) {
                Processes.send(from, l.get(1));
            }
        }
    }
}
