package io.procmobility.benchmarks.workload;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.behaviour.MobileServer;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;

/**
 * On an {@link Integer} {@code n}: makes {@code n} synchronous {@link MobileServer#call} to the
 * server (default 5 s timeout, as Erlang's), then sends the number of correct replies to
 * {@code replyTo}. Ends on any other message.
 */
public class Caller implements MobileProcess {
    private final Pid server;
    private final Pid replyTo;

    public Caller(Pid server, Pid replyTo) {
        this.server = server;
        this.replyTo = replyTo;
    }

    @Override
    public void run() {
        while (true) {
            Object message = Processes.receive();
            if (!(message instanceof Integer)) {
                return;
            }
            int n = (Integer) message;
            int ok = 0;
            for (int i = 0; i < n; i++) {
                Object reply = MobileServer.call(server, "ping");
                if ("ping".equals(reply)) {
                    ok++;
                }
            }
            Processes.send(replyTo, ok);
        }
    }
}
