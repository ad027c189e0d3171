package io.procmobility.behaviour.examples;

import io.procmobility.behaviour.EventHandler;
import io.procmobility.process.ExitReason;

/** gen_event handler counting the events it saw; a call returns the count. */
public class CountingHandler implements EventHandler {
    private int seen;

    @Override
    public void init() {
    }

    @Override
    public void handleEvent(Object event) {
        seen++;
    }

    @Override
    public Object handleCall(Object request) {
        return seen;
    }

    @Override
    public void handleInfo(Object message) {
    }

    @Override
    public void terminate(ExitReason reason) {
    }
}
