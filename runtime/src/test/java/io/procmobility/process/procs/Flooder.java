package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;

/** Sends forever and never receives: only its reduction budget lets others run on its carrier. */
public class Flooder implements MobileProcess {
    @Override
    public void run() {
        Pid nowhere = new Pid(7, 7);
        long i = 0;
        while (true) {
            Processes.send(nowhere, i++);
        }
    }
}
