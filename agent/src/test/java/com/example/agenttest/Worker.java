package com.example.agenttest;

import io.procmobility.behaviour.MobileProcess;

/** Neither included nor annotated: mobile because it implements a behaviour. */
public final class Worker implements MobileProcess {
    @Override
    public void run() {
        io.procmobility.continuation.Continuation.suspend("work");
    }
}
