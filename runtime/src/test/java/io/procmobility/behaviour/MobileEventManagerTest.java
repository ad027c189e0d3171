package io.procmobility.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmobility.behaviour.messages.Kv;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MobileEventManagerTest extends BehaviourTestSupport {
    private static final Duration LONG = Duration.ofSeconds(30);

    private Pid manager;

    private Pid startWithRecorderAndFragile() throws Exception {
        manager = runtime.spawn(new MobileEventManager()).pid();
        MobileEventManager.addHandler(runtime, manager, "recorder", create("Recorder", "recorder", out), LONG);
        MobileEventManager.addHandler(runtime, manager, "fragile", create("Fragile", out, false), LONG);
        assertThat(next()).isEqualTo("recorder:init");
        return manager;
    }

    @Test
    void bothHandlersGetEventsAndACrashingOneIsRemovedWhileTheOtherGoesOn() throws Exception {
        startWithRecorderAndFragile();
        MobileEventManager.notify(runtime, manager, "a");
        assertThat(List.of(next(), next())).containsExactly("recorder:a", "fragile:a");

        MobileEventManager.syncNotify(runtime, manager, "boom", LONG);
        // syncNotify returns once every handler has run, so all of this is already reported.
        assertThat(List.of(out.poll(), out.poll())).containsExactly("recorder:boom", "fragile:terminate:crash");
        assertThat(MobileEventManager.whichHandlers(runtime, manager, LONG)).containsExactly("recorder");

        MobileEventManager.notify(runtime, manager, "c");
        assertThat(next()).isEqualTo("recorder:c");
        assertThat(out).isEmpty();
        assertThat((Integer) MobileEventManager.call(runtime, manager, "recorder", "count", LONG)).isEqualTo(3);
        assertThat(runtime.isAlive(manager)).isTrue();
    }

    @Test
    void aHandlerCrashingInACallIsRemovedAndTheCallerGetsTheCrash() throws Exception {
        startWithRecorderAndFragile();
        assertThatThrownBy(() -> MobileEventManager.call(runtime, manager, "fragile", "explode", LONG))
                .isInstanceOfSatisfying(CallFailedException.class, e -> {
                    assertThat(e.reason().kind()).isEqualTo("crash");
                    assertThat(e).hasMessageContaining("handler fragile crashed and was removed")
                            .hasMessageContaining("fragile call explodes");
                });
        assertThat(next()).isEqualTo("fragile:terminate:crash");
        assertThat(MobileEventManager.whichHandlers(runtime, manager, LONG)).containsExactly("recorder");
    }

    @Test
    void aHandlerCanBeCalledFromInsideAProcess() throws Exception {
        startWithRecorderAndFragile();
        MobileEventManager.syncNotify(runtime, manager, "x", LONG);
        runtime.spawn(create("Caller", manager, List.of(new ManagerRequests.HandlerCall("recorder", "count")), LONG, out));
        assertThat(List.of(next(), next(), next())).containsExactly("recorder:x", "fragile:x", 1);
    }

    @Test
    void callingAnUnknownHandlerFailsWithBadHandler() throws Exception {
        startWithRecorderAndFragile();
        assertThatThrownBy(() -> MobileEventManager.call(runtime, manager, "nobody", "count", LONG))
                .isInstanceOfSatisfying(CallFailedException.class,
                        e -> assertThat(e.reason().kind()).isEqualTo("bad_handler"))
                .hasMessageContaining("no handler nobody");
    }

    @Test
    void addingAndDeletingHandlers() throws Exception {
        startWithRecorderAndFragile();
        assertThatThrownBy(() -> MobileEventManager.addHandler(runtime, manager, "recorder",
                create("Recorder", "again", out), LONG))
                .isInstanceOfSatisfying(CallFailedException.class,
                        e -> assertThat(e.reason().kind()).isEqualTo("already_added"));
        assertThatThrownBy(() -> MobileEventManager.addHandler(runtime, manager, "broken", create("Fragile", out, true), LONG))
                .isInstanceOfSatisfying(CallFailedException.class, e -> assertThat(e.reason().kind()).isEqualTo("crash"))
                .hasMessageContaining("fragile init failure");

        assertThat(MobileEventManager.deleteHandler(runtime, manager, "fragile", LONG)).isTrue();
        assertThat(next()).isEqualTo("fragile:terminate:removed");
        assertThat(MobileEventManager.deleteHandler(runtime, manager, "fragile", LONG)).isFalse();
        assertThat(MobileEventManager.whichHandlers(runtime, manager, LONG)).containsExactly("recorder");
    }

    @Test
    void aHandlerMaySuspendInsideTheManager() throws Exception {
        useOneCarrier(); // a handler blocking the only carrier would keep the server from answering it
        MobileServer<?> kvServer = create("KvServer", out);
        Pid kv = runtime.spawn(kvServer).pid();
        manager = runtime.spawn(new MobileEventManager()).pid();
        MobileEventManager.addHandler(runtime, manager, "forwarder", create("Forwarder", kv), LONG);
        MobileEventManager.syncNotify(runtime, manager, "stored", LONG);
        assertThat((Object) MobileServer.call(runtime, kv, new Kv.Get("last-event"), LONG)).isEqualTo("stored");
    }

    @Test
    void stopTerminatesEveryHandler() throws Exception {
        startWithRecorderAndFragile();
        ExitReason shutdown = ExitReason.of("shutdown");
        assertThat(MobileEventManager.stop(runtime, manager, shutdown, LONG)).isEqualTo(shutdown);
        assertThat(List.of(next(), next())).containsExactly("recorder:terminate:shutdown", "fragile:terminate:shutdown");
        assertThatThrownBy(() -> MobileEventManager.syncNotify(runtime, manager, "late", LONG))
                .isInstanceOfSatisfying(CallFailedException.class, e -> assertThat(e.isNoproc()).isTrue());
    }
}
