package io.procmobility.behaviour.examples;

import io.procmobility.behaviour.From;
import io.procmobility.behaviour.MobileServer;
import io.procmobility.behaviour.ServerResult;
import io.procmobility.behaviour.messages.Kv;
import io.procmobility.process.ExitReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

/** A key-value store; reports terminate(reason) to {@code events} as "terminate:" + the reason's kind. */
public class KvServer extends MobileServer<KvServer.State> {
    /** The server's state: plain data. */
    public static final class State {
        final Map<String, Object> data = new HashMap<>();
        final Map<String, List<From>> waiting = new HashMap<>();
        int infos;
    }

    private final BlockingQueue<Object> events;

    public KvServer(BlockingQueue<Object> events) {
        this.events = events;
    }

    @Override
    protected State init() {
        return new State();
    }

    @Override
    protected ServerResult<State> handleCall(Object request, From from, State state) {
        if (request instanceof Kv.Get get) {
            return ServerResult.reply(state.data.get(get.key()), state);
        }
        if (request instanceof Kv.Put put) {
            return ServerResult.reply(put(put, state), state);
        }
        if (request instanceof Kv.AwaitKey await) {
            if (state.data.containsKey(await.key())) {
                return ServerResult.reply(state.data.get(await.key()), state);
            }
            state.waiting.computeIfAbsent(await.key(), k -> new ArrayList<>()).add(from);
            return ServerResult.noReply(state);
        }
        if (request instanceof Kv.InfoCount) {
            return ServerResult.reply(state.infos, state);
        }
        if (request instanceof Kv.Ignore) {
            return ServerResult.noReply(state);
        }
        if (request instanceof Kv.Stop) {
            return ServerResult.stop(ExitReason.NORMAL, "bye", state);
        }
        if (request instanceof Kv.Crash) {
            throw new IllegalStateException("crash requested");
        }
        throw new IllegalArgumentException("unknown request " + request);
    }

    @Override
    protected ServerResult<State> handleCast(Object request, State state) {
        if (request instanceof Kv.Put put) {
            put(put, state);
            return ServerResult.noReply(state);
        }
        throw new IllegalStateException("cast crash: " + request);
    }

    @Override
    protected ServerResult<State> handleInfo(Object message, State state) {
        state.infos++;
        return ServerResult.noReply(state);
    }

    @Override
    protected void terminate(ExitReason reason, State state) {
        events.add("terminate:" + reason.kind());
    }

    private static Object put(Kv.Put put, State state) {
        Object previous = state.data.put(put.key(), put.value());
        List<From> waiters = state.waiting.remove(put.key());
        if (waiters != null) {
            for (int i = 0; i < waiters.size(); i++) {
                waiters.get(i).reply(put.value());
            }
        }
        return previous;
    }
}
