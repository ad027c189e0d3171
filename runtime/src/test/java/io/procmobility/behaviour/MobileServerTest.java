package io.procmobility.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.procmobility.behaviour.messages.Kv;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MobileServerTest extends BehaviourTestSupport {
    private static final Duration LONG = Duration.ofSeconds(30);

    private Pid spawnKv() {
        MobileServer<?> server = create("KvServer", out);
        return runtime.spawn(server).pid();
    }

    private Object call(Pid server, Object request) {
        return MobileServer.call(runtime, server, request, LONG);
    }

    @Test
    void callsCastsAndInfoFromOutsideProcesses() {
        Pid kv = spawnKv();
        assertThat(call(kv, new Kv.Put("a", 1))).isNull();
        assertThat(call(kv, new Kv.Put("a", 2))).isEqualTo(1);
        MobileServer.cast(runtime, kv, new Kv.Put("b", "cast"));
        runtime.send(kv, "an info message");
        runtime.send(kv, "another");
        // Per-sender order: the cast and the infos are handled before this call.
        assertThat(call(kv, new Kv.Get("b"))).isEqualTo("cast");
        assertThat(call(kv, new Kv.Get("a"))).isEqualTo(2);
        assertThat(call(kv, new Kv.InfoCount())).isEqualTo(2);
    }

    @Test
    void callsFromInsideAProcessSuspendTheCaller() throws Exception {
        useOneCarrier(); // the caller must give the only carrier back while it waits
        Pid kv = spawnKv();
        runtime.spawn(create("Caller", kv, List.of(new Kv.Put("k", "v"), new Kv.Get("k"), new Kv.Get("missing")), LONG, out));
        assertThat(List.of(next(), next(), next())).containsExactly("null", "v", "null");
    }

    @Test
    void aHandlerCanCallAnotherServer() throws Exception {
        useOneCarrier(); // a blocked handleCall would hold the only carrier and the backend could never answer
        Pid kv = spawnKv();
        Pid proxy = runtime.spawn(create("ProxyServer", kv)).pid();
        assertThat(call(proxy, new Kv.Put("x", 42))).isNull();
        assertThat(call(proxy, new Kv.Get("x"))).isEqualTo(42);
        runtime.spawn(create("Caller", proxy, List.of(new Kv.Get("x")), LONG, out));
        assertThat(next()).isEqualTo(42);
        assertThat(call(proxy, "forwarded")).isEqualTo(3);
    }

    @Test
    void aHandlerCanReplyLaterWithFrom() {
        Pid kv = spawnKv();
        runtime.spawn(create("Caller", kv, List.of(new Kv.AwaitKey("late")), LONG, out));
        await().atMost(LONG).until(() -> out.isEmpty() && runtime.processCount() == 2);
        assertThat(out).as("no reply before the key exists").isEmpty();
        MobileServer.cast(runtime, kv, new Kv.Put("late", "here"));
        await().atMost(LONG).until(() -> "here".equals(out.peek()));
    }

    @Test
    void aCallToADeadOrUnknownProcessFailsFastWithNoproc() throws Exception {
        Pid kv = spawnKv();
        assertThat(MobileServer.stop(runtime, kv, ExitReason.NORMAL, LONG)).isEqualTo(ExitReason.NORMAL);
        assertThat(next()).isEqualTo("terminate:normal");
        Pid unknown = new Pid(kv.incarnation(), 987_654_321L);

        for (Pid target : List.of(kv, unknown)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> call(target, new Kv.Get("a")))
                    .isInstanceOfSatisfying(CallFailedException.class, e -> {
                        assertThat(e.isNoproc()).isTrue();
                        assertThat(e.server()).isEqualTo(target);
                    })
                    .hasMessageContaining("noproc")
                    .hasMessageContaining(target.toString())
                    .hasMessageContaining(Kv.Get.class.getName());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }

        long start = System.nanoTime();
        runtime.spawn(create("Caller", unknown, List.of(new Kv.Get("a")), LONG, out));
        Object failure = next();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure).isInstanceOfSatisfying(CallFailedException.class, e -> assertThat(e.isNoproc()).isTrue());
    }

    @Test
    void aCallWithoutReplyTimesOutNamingServerRequestAndTimeout() throws Exception {
        Pid kv = spawnKv();
        assertThatThrownBy(() -> MobileServer.call(runtime, kv, new Kv.Ignore(), Duration.ofMillis(200)))
                .isInstanceOf(CallTimeoutException.class)
                .hasMessageContaining(kv.toString())
                .hasMessageContaining(Kv.Ignore.class.getName())
                .hasMessageContaining("200 ms");

        runtime.spawn(create("Caller", kv, List.of(new Kv.Ignore(), new Kv.Get("a")), Duration.ofMillis(200), out));
        assertThat(next()).isInstanceOfSatisfying(CallTimeoutException.class,
                e -> assertThat(e.timeout()).isEqualTo(Duration.ofMillis(200)));
        assertThat(next()).as("the caller goes on after a timeout").isEqualTo("null");
        assertThat(runtime.isAlive(kv)).isTrue();
    }

    @Test
    void stopRepliesThenRunsTerminate() throws Exception {
        Pid kv = spawnKv();
        assertThat(call(kv, new Kv.Stop())).isEqualTo("bye");
        assertThat(next()).isEqualTo("terminate:normal");
        assertThat(runtime.awaitExit(kv, LONG)).isEqualTo(ExitReason.NORMAL);
    }

    @Test
    void stopFromAClientRunsTerminateWithItsReason() throws Exception {
        Pid kv = spawnKv();
        ExitReason shutdown = ExitReason.of("shutdown");
        assertThat(MobileServer.stop(runtime, kv, shutdown, LONG)).isEqualTo(shutdown);
        assertThat(next()).isEqualTo("terminate:shutdown");
        assertThat(runtime.isAlive(kv)).isFalse();
    }

    @Test
    void aCrashingHandlerRunsTerminateAndFailsTheCallWithTheCrash() throws Exception {
        Pid kv = spawnKv();
        assertThatThrownBy(() -> call(kv, new Kv.Crash()))
                .isInstanceOfSatisfying(CallFailedException.class, e -> {
                    assertThat(e.isNoproc()).isFalse();
                    assertThat(e.reason().kind()).isEqualTo("crash");
                    assertThat(e.reason().detail()).contains("crash requested");
                });
        assertThat(next()).isEqualTo("terminate:crash");
        assertThat(runtime.awaitExit(kv, LONG).detail()).contains("IllegalStateException: crash requested");
    }
}
