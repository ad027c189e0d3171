package io.procmobility.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.process.Endpoint;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.ProcessRuntimeConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PingPongTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private ProcessRuntime runtime;
    private final BlockingQueue<Object> reports = new LinkedBlockingQueue<>();
    private Endpoint reporter;

    @BeforeEach
    void start() {
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(2));
        reporter = runtime.openEndpoint(reports::add);
    }

    @AfterEach
    void stop() {
        reporter.close();
        runtime.close();
    }

    private Object nextReport() throws InterruptedException {
        return reports.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void playsEveryRoundThenReportsAndEnds() throws Exception {
        Pid pong = runtime.spawn(new Pong()).pid();
        Pid ping = runtime.spawn(new Ping(pong, 1_000, reporter.pid())).pid();

        Object report = nextReport();
        assertThat(report).isInstanceOf(Ping.Played.class);
        Ping.Played played = (Ping.Played) report;
        assertThat(played.rounds()).isEqualTo(1_000);
        assertThat(played.ping()).isEqualTo(ping);
        assertThat(played.pong()).isEqualTo(pong);
        assertThat(runtime.awaitExit(ping, WAIT)).isEqualTo(ExitReason.NORMAL);
        assertThat(runtime.isAlive(pong)).isTrue();

        runtime.send(pong, "stop");
        assertThat(runtime.awaitExit(pong, WAIT)).isEqualTo(ExitReason.NORMAL);
    }

    @Test
    void aPingWithoutArgumentsStartsOnPlayWithARegisteredName() throws Exception {
        Pid pong = runtime.spawn(new Pong()).pid();
        runtime.register("pong", pong);
        Pid ping = runtime.spawn(new Ping()).pid();

        runtime.send(ping, "hello");                       // not a play: ignored with a hint
        runtime.send(ping, List.of("play", "nobody", 3));  // no such name: still waiting
        runtime.send(ping, List.of("play", "pong", 3));    // as typed in the console: [play, pong, 3]

        assertThat(runtime.awaitExit(ping, WAIT)).isEqualTo(ExitReason.NORMAL);
    }

    @Test
    void aPlayMessageMayNameThePongByPid() throws Exception {
        Pid pong = runtime.spawn(new Pong()).pid();
        Pid ping = runtime.spawn(new Ping()).pid();
        runtime.send(ping, List.of("play", pong, 5L));
        assertThat(runtime.awaitExit(ping, WAIT)).isEqualTo(ExitReason.NORMAL);
    }

    @Test
    void pongAnswersEachBallFromItself() throws Exception {
        Pid pong = runtime.spawn(new Pong()).pid();
        runtime.send(pong, new Ball(reporter.pid(), 7));
        assertThat(nextReport()).isEqualTo(new Ball(pong, 7));
    }
}
