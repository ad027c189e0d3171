package io.procmobility.behaviour.examples;

import io.procmobility.behaviour.EventHandler;
import io.procmobility.process.ExitReason;
import java.util.concurrent.BlockingQueue;

/** Throws on the event "boom", on the call "explode", and in init when asked to. */
public class Fragile implements EventHandler {
    private final BlockingQueue<Object> out;
    private final boolean failInit;

    public Fragile(BlockingQueue<Object> out, boolean failInit) {
        this.out = out;
        this.failInit = failInit;
    }

    @Override
    public void init() {
        if (failInit) {
            throw new IllegalStateException("fragile init failure");
        }
    }

    @Override
    public void handleEvent(Object event) {
        if ("boom".equals(event)) {
            throw new IllegalStateException("fragile handler boom");
        }
        out.add("fragile:" + event);
    }

    @Override
    public Object handleCall(Object request) {
        throw new IllegalStateException("fragile call explodes");
    }

    @Override
    public void terminate(ExitReason reason) {
        out.add("fragile:terminate:" + reason.kind());
    }
}
