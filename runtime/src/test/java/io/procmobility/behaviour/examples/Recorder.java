package io.procmobility.behaviour.examples;

import io.procmobility.behaviour.EventHandler;
import io.procmobility.process.ExitReason;
import java.util.concurrent.BlockingQueue;

/** Reports each event as "name:event" and counts them; answers the call "count". */
public class Recorder implements EventHandler {
    private final String name;
    private final BlockingQueue<Object> out;
    private int count;

    public Recorder(String name, BlockingQueue<Object> out) {
        this.name = name;
        this.out = out;
    }

    @Override
    public void init() {
        out.add(name + ":init");
    }

    @Override
    public void handleEvent(Object event) {
        count++;
        out.add(name + ":" + event);
    }

    @Override
    public Object handleCall(Object request) {
        if ("count".equals(request)) {
            return count;
        }
        throw new IllegalArgumentException("unknown request " + request);
    }

    @Override
    public void terminate(ExitReason reason) {
        out.add(name + ":terminate:" + reason.kind());
    }
}
