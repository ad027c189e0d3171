package io.procmobility.benchmarks.workload;

import io.procmobility.behaviour.From;
import io.procmobility.behaviour.MobileServer;
import io.procmobility.behaviour.ServerResult;

/** A gen_server that counts calls and answers each with its request (gen_server call latency). */
public class CounterServer extends MobileServer<Integer> {
    @Override
    protected Integer init() {
        return 0;
    }

    @Override
    protected ServerResult<Integer> handleCall(Object request, From from, Integer calls) {
        return ServerResult.reply(request, calls + 1);
    }
}
