package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Processes;

/** Waits for a message (unless told to crash at once), then throws. */
public class Crasher implements MobileProcess {
    private final boolean immediately;

    public Crasher(Boolean immediately) {
        this.immediately = immediately;
    }

    @Override
    public void run() {
        if (!immediately) {
            Processes.receive();
        }
        throw new IllegalStateException("boom from " + Processes.self());
    }
}
