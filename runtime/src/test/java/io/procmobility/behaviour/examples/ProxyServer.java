package io.procmobility.behaviour.examples;

import io.procmobility.behaviour.From;
import io.procmobility.behaviour.MobileServer;
import io.procmobility.behaviour.ServerResult;
import io.procmobility.process.Pid;
import java.time.Duration;

/** Forwards every call to a backend server with a nested call made inside handleCall; counts them. */
public class ProxyServer extends MobileServer<Integer> {
    private final Pid backend;

    public ProxyServer(Pid backend) {
        this.backend = backend;
    }

    @Override
    protected Integer init() {
        return 0;
    }

    @Override
    protected ServerResult<Integer> handleCall(Object request, From from, Integer forwarded) {
        if ("forwarded".equals(request)) {
            return ServerResult.reply(forwarded, forwarded);
        }
        Object answer = MobileServer.call(backend, request, Duration.ofSeconds(30));
        return ServerResult.reply(answer, forwarded + 1);
    }
}
