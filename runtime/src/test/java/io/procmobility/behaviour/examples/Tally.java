package io.procmobility.behaviour.examples;

import io.procmobility.behaviour.From;
import io.procmobility.behaviour.MobileServer;
import io.procmobility.behaviour.ServerResult;

/** A gen_server whose state is a running total; nothing in it pins it to one JVM. */
public class Tally extends MobileServer<long[]> {
    @Override
    protected long[] init() {
        return new long[1];
    }

    @Override
    protected ServerResult<long[]> handleCall(Object request, From from, long[] total) {
        if (request instanceof Integer n) {
            total[0] += n;
        }
        return ServerResult.reply(total[0], total);
    }
}
