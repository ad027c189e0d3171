package io.procmobility.examples;

import io.procmobility.behaviour.From;
import io.procmobility.behaviour.MobileServer;
import io.procmobility.behaviour.ServerResult;
import io.procmobility.node.Destination;
import io.procmobility.node.Mobility;
import io.procmobility.node.MigrationException;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The seed's {@code mobility_example} on the JVM: a gen_server that counts. Every tick it adds one,
 * prints {@code counter <n> on node <x>} and sleeps; the sleep happens inside the tick handler, so
 * the process usually waits with the server loop and the handler on its stack, and that stack is
 * what moves when it migrates (the count goes on from where it was on the new node).
 *
 * <p>Requests, as typed in the console:
 * <ul>
 *   <li>{@code call counter value} (or {@code get}): the count, a {@code Long};</li>
 *   <li>{@code call counter [go, "tcp://localhost:1806"]}: the counter moves itself there with
 *       {@code sendMe} and answers {@code [moved, <node>]} from the new node, or
 *       {@code [not_moved, <reason>]};</li>
 *   <li>{@code send counter reset}: back to 0; {@code send counter stop}: ends normally (also as a call).</li>
 * </ul>
 * Each tick is also sent as a {@link Tick} to the observer given to the constructor, if any.
 */
public class Counter extends MobileServer<Long> {
    /** The tick interval of {@link #Counter()}. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final Duration interval;
    private final Pid observer;

    /** A counter's report of one tick to its observer: {@code count} reached on {@code node}. */
    public record Tick(Pid counter, long count, String node) {
    }

    /** The counter's own reminder to tick again. */
    record Next() {
    }

    /** Ticks every second, observed by nobody (the console's {@code spawn Counter}). */
    public Counter() {
        this(DEFAULT_INTERVAL, null);
    }

    /**
     * @param interval time between ticks
     * @param observer a process or endpoint that gets a {@link Tick} per tick, or {@code null}
     */
    public Counter(Duration interval, Pid observer) {
        if (Objects.requireNonNull(interval, "interval").isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, got " + interval);
        }
        this.interval = interval;
        this.observer = observer;
    }

    @Override
    protected Long init() {
        Processes.send(Processes.self(), new Next());
        return 0L;
    }

    @Override
    protected ServerResult<Long> handleCall(Object request, From from, Long count) {
        if ("value".equals(request) || "get".equals(request)) {
            return ServerResult.reply(count, count);
        }
        if ("stop".equals(request)) {
            return ServerResult.stop(ExitReason.NORMAL, count, count);
        }
        if (request instanceof List<?> go && go.size() == 2 && "go".equals(go.get(0))) {
            return ServerResult.reply(go(String.valueOf(go.get(1))), count);
        }
        return ServerResult.reply(List.of("error", "unknown request " + request + "; try value, [go, \"tcp://host:port\"], stop"), count);
    }

    @Override
    protected ServerResult<Long> handleCast(Object request, Long count) {
        return handleInfo(request, count);
    }

    @Override
    protected ServerResult<Long> handleInfo(Object message, Long count) {
        if (message instanceof Next) {
            long next = count + 1;
            tick(next);
            Processes.sleep(interval);            // a suspension point inside the handler
            Processes.send(Processes.self(), new Next());
            return ServerResult.noReply(next);
        }
        if ("reset".equals(message)) {
            return ServerResult.noReply(0L);
        }
        if ("stop".equals(message)) {
            return ServerResult.stop(ExitReason.NORMAL, count);
        }
        return ServerResult.noReply(count);
    }

    private void tick(long count) {
        String node = Processes.node();
        System.out.println("counter " + count + " on node " + node);
        if (observer != null) {
            Processes.send(observer, new Tick(Processes.self(), count, node));
        }
    }

    /** Moves this process with sendMe; the answer is computed where it ends up. */
    private static List<Object> go(String destination) {
        Destination to;
        try {
            to = Destination.parse(destination);
        } catch (IllegalArgumentException e) {
            return List.of("not_moved", e.getMessage());
        }
        try {
            Mobility.sendMe(to);
            return List.of("moved", Processes.node());
        } catch (MigrationException e) {
            return List.of("not_moved", String.valueOf(e.getMessage()));
        }
    }
}
