package io.procmobility.behaviour.examples;

import io.procmobility.behaviour.EventHandler;
import io.procmobility.behaviour.MobileServer;
import io.procmobility.behaviour.messages.Kv;
import io.procmobility.process.Pid;
import java.time.Duration;

/** Stores each event in a key-value server with a call made from handleEvent (the manager suspends). */
public class Forwarder implements EventHandler {
    private final Pid kv;

    public Forwarder(Pid kv) {
        this.kv = kv;
    }

    @Override
    public void handleEvent(Object event) {
        MobileServer.call(kv, new Kv.Put("last-event", event), Duration.ofSeconds(30));
    }
}
