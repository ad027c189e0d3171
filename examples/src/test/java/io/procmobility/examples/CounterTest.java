package io.procmobility.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.behaviour.MobileServer;
import io.procmobility.process.Endpoint;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.ProcessRuntimeConfig;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CounterTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private ProcessRuntime runtime;
    private ProcessRuntime other;
    private final BlockingQueue<Object> ticks = new LinkedBlockingQueue<>();
    private Endpoint observer;

    @BeforeEach
    void start() {
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(2));
        other = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(2));
        observer = runtime.openEndpoint(ticks::add);
    }

    @AfterEach
    void stop() {
        observer.close();
        runtime.close();
        other.close();
    }

    private Counter.Tick nextTick() throws InterruptedException {
        Object tick = ticks.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(tick).as("a tick within %s", WAIT).isInstanceOf(Counter.Tick.class);
        return (Counter.Tick) tick;
    }

    @Test
    void countsOneByOneAndReportsEachTick() throws Exception {
        Pid counter = runtime.spawn(new Counter(Duration.ofMillis(5), observer.pid())).pid();

        for (long expected = 1; expected <= 5; expected++) {
            Counter.Tick tick = nextTick();
            assertThat(tick.count()).isEqualTo(expected);
            assertThat(tick.counter()).isEqualTo(counter);
            assertThat(tick.node()).startsWith("nonode@");
        }
        long value = MobileServer.call(runtime, counter, "value", WAIT);
        assertThat(value).isGreaterThanOrEqualTo(5);
        long get = MobileServer.call(runtime, counter, "get", WAIT);
        assertThat(get).isGreaterThanOrEqualTo(value);
    }

    @Test
    void resetStartsAgainFromOneAndStopEndsNormally() throws Exception {
        Pid counter = runtime.spawn(new Counter(Duration.ofMillis(5), observer.pid())).pid();
        nextTick();
        nextTick();

        runtime.send(counter, "reset");
        // ticks sent before the reset still arrive; the first after it is 1 again
        Counter.Tick tick;
        do {
            tick = nextTick();
        } while (tick.count() != 1);

        long last = MobileServer.call(runtime, counter, "stop", WAIT);
        assertThat(last).isPositive();
        assertThat(runtime.awaitExit(counter, WAIT)).isEqualTo(ExitReason.NORMAL);
    }

    @Test
    void plainStopMessageEndsIt() throws Exception {
        Pid counter = runtime.spawn(new Counter(Duration.ofMillis(5), null)).pid();
        runtime.send(counter, "stop");
        assertThat(runtime.awaitExit(counter, WAIT)).isEqualTo(ExitReason.NORMAL);
    }

    @Test
    void unknownRequestGetsAnErrorAndTheCounterGoesOn() throws Exception {
        Pid counter = runtime.spawn(new Counter(Duration.ofMillis(5), observer.pid())).pid();
        List<?> reply = MobileServer.call(runtime, counter, "bogus", WAIT);
        assertThat(reply.get(0)).isEqualTo("error");
        assertThat((String) reply.get(1)).contains("bogus").contains("try value");
        nextTick();
        assertThat(runtime.isAlive(counter)).isTrue();
    }

    @Test
    void goToANodeThatIsNotThereAnswersNotMovedAndKeepsCounting() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Pid counter = runtime.spawn(new Counter(Duration.ofMillis(5), observer.pid())).pid();

        List<?> reply = MobileServer.call(runtime, counter, List.of("go", "tcp://127.0.0.1:" + closedPort), WAIT);
        assertThat(reply.get(0)).isEqualTo("not_moved");
        assertThat((String) reply.get(1)).isNotBlank();

        List<Object> bad = MobileServer.call(runtime, counter, List.of("go", "no/where"), WAIT);
        assertThat(bad).containsExactly("not_moved", "bad destination 'no/where': expected a node name (e.g. b) or tcp://host:port");
        assertThat(runtime.isAlive(counter)).isTrue();
    }

    @Test
    void frozenMidSleepItGoesOnCountingInAnotherRuntime() throws Exception {
        Moves.routeTo(other, runtime); // ticks from over there reach the observer here
        Pid counter = runtime.spawn(new Counter(Duration.ofMillis(5), observer.pid())).pid();
        assertThat(nextTick().count()).isEqualTo(1);
        String here = nextTick().node();

        Moves.move(counter, runtime, other);

        assertThat(runtime.isAlive(counter)).isFalse();
        long valueThere = MobileServer.call(other, counter, "value", WAIT);
        assertThat(valueThere).isGreaterThanOrEqualTo(2);
        // the ticks seen here go on from 3 without a gap or a repeat across the move
        long previous = 2;
        Counter.Tick tick;
        do {
            tick = nextTick();
            assertThat(tick.count()).isEqualTo(previous + 1);
            previous = tick.count();
        } while (tick.count() < valueThere + 3);
        assertThat(tick.node()).startsWith("nonode@").isNotEqualTo(here);
    }
}
