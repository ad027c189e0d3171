package io.procmobility.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.behaviour.MobileServer;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.ProcessRuntimeConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KvStoreTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private ProcessRuntime runtime;
    private ProcessRuntime other;
    private Pid store;

    @BeforeEach
    void start() {
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(2));
        other = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(2));
        store = runtime.spawn(new KvStore()).pid();
    }

    @AfterEach
    void stop() {
        runtime.close();
        other.close();
    }

    @Test
    void putGetDeleteKeysAndSize() {
        assertThat(KvStore.put(runtime, store, "color", "blue")).isNull();
        assertThat(KvStore.put(runtime, store, "color", "red")).isEqualTo("blue");
        assertThat(KvStore.put(runtime, store, "answer", 42)).isNull();
        assertThat(KvStore.get(runtime, store, "color")).isEqualTo("red");
        assertThat(KvStore.get(runtime, store, "missing")).isNull();
        assertThat(KvStore.keys(runtime, store, WAIT)).containsExactly("answer", "color");
        assertThat((Integer) MobileServer.call(runtime, store, "size", WAIT)).isEqualTo(2);
        assertThat(KvStore.delete(runtime, store, "answer")).isEqualTo(42);
        assertThat(KvStore.keys(runtime, store, WAIT)).containsExactly("color");
    }

    @Test
    void requestsTypedAsInTheConsoleWork() {
        assertThat((Object) MobileServer.call(runtime, store, List.of("put", "n", 1L), WAIT)).isNull();
        assertThat((Object) MobileServer.call(runtime, store, List.of("get", "n"), WAIT)).isEqualTo(1L);
    }

    @Test
    void castsAndPlainMessagesAreAppliedWithoutReply() {
        MobileServer.cast(runtime, store, List.of("put", "a", 1));
        runtime.send(store, List.of("put", "b", 2));
        // the call comes after both in the mailbox: it sees them
        assertThat(KvStore.keys(runtime, store, WAIT)).containsExactly("a", "b");
    }

    @Test
    void unknownRequestIsAnErrorReplyNotACrash() {
        List<?> reply = MobileServer.call(runtime, store, List.of("frobnicate", "x"), WAIT);
        assertThat(reply.get(0)).isEqualTo("error");
        assertThat((String) reply.get(1)).contains("[put, key, value]");
        assertThat(runtime.isAlive(store)).isTrue();
    }

    @Test
    void stopRepliesOkAndEndsNormally() throws Exception {
        assertThat((String) MobileServer.call(runtime, store, "stop", WAIT)).isEqualTo("ok");
        assertThat(runtime.awaitExit(store, WAIT)).isEqualTo(ExitReason.NORMAL);
    }

    @Test
    void itsMapTravelsWithIt() {
        KvStore.put(runtime, store, "k", "v");
        Moves.move(store, runtime, other);
        assertThat(KvStore.get(other, store, "k")).isEqualTo("v");
        assertThat(KvStore.put(other, store, "k2", "v2")).isNull();
        assertThat(KvStore.keys(other, store, WAIT)).containsExactly("k", "k2");
    }
}
