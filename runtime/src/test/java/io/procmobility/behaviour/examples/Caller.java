package io.procmobility.behaviour.examples;

import io.procmobility.behaviour.CallException;
import io.procmobility.behaviour.MobileProcess;
import io.procmobility.behaviour.MobileServer;
import io.procmobility.process.Pid;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * A plain process that calls {@code server} with each request in turn (from inside a process)
 * and reports each reply, or the CallException it got, to {@code out}.
 */
public class Caller implements MobileProcess {
    private final Pid server;
    private final List<Object> requests;
    private final Duration timeout;
    private final BlockingQueue<Object> out;

    public Caller(Pid server, List<Object> requests, Duration timeout, BlockingQueue<Object> out) {
        this.server = server;
        this.requests = requests;
        this.timeout = timeout;
        this.out = out;
    }

    @Override
    public void run() {
        for (int i = 0; i < requests.size(); i++) {
            try {
                Object reply = MobileServer.call(server, requests.get(i), timeout);
                out.add(reply == null ? "null" : reply);
            } catch (CallException e) {
                out.add(e);
            }
        }
    }
}
