package io.procmobility.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRef;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.testing.InstrumentingLoader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each behaviour survives freeze -> bytes -> thaw in another runtime and a fresh class loader,
 * with its state, and keeps serving.
 */
class BehaviourFreezeTest extends BehaviourTestSupport {
    private static final SerialAllowlist ALLOW = SerialAllowlist.builder().allowPackage(EXAMPLES + ".**").build();
    private static final Duration LONG = Duration.ofSeconds(30);

    private final ProcessRuntime destination = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(2));

    @AfterEach
    void closeDestination() {
        destination.close();
    }

    /** Freezes {@code pid} as soon as it waits, thaws it there with a fresh loader of the examples. */
    private ProcessRef move(Pid pid) {
        byte[][] bytes = new byte[1][];
        await().atMost(LONG).ignoreException(IllegalStateException.class).until(() -> {
            bytes[0] = runtime.freeze(pid, ALLOW);
            return true;
        });
        assertThat(runtime.isAlive(pid)).isFalse();
        return destination.thaw(bytes[0], ALLOW, new InstrumentingLoader(EXAMPLES, getClass().getClassLoader()));
    }

    @Test
    void aServerKeepsItsState() {
        ProcessRef tally = runtime.spawn(create("Tally"));
        assertThat((Object) MobileServer.call(runtime, tally.pid(), 5, LONG)).isEqualTo(5L);
        ProcessRef moved = move(tally.pid());
        assertThat((Object) MobileServer.call(destination, moved.pid(), 7, LONG)).isEqualTo(12L);
    }

    @Test
    void aStateMachineKeepsItsStateAndData() {
        ProcessRef turnstile = runtime.spawn(create("Turnstile"));
        MobileStateMachine.cast(runtime, turnstile.pid(), "coin");
        MobileStateMachine.cast(runtime, turnstile.pid(), "push");
        MobileStateMachine.cast(runtime, turnstile.pid(), "coin");
        assertThat((Object) MobileStateMachine.call(runtime, turnstile.pid(), "state?", LONG)).isEqualTo("unlocked:1");
        ProcessRef moved = move(turnstile.pid());
        MobileStateMachine.cast(destination, moved.pid(), "push");
        assertThat((Object) MobileStateMachine.call(destination, moved.pid(), "state?", LONG)).isEqualTo("locked:2");
    }

    @Test
    void anEventManagerKeepsItsHandlers() {
        ProcessRef manager = runtime.spawn(new MobileEventManager());
        MobileEventManager.addHandler(runtime, manager.pid(), "count", create("CountingHandler"), LONG);
        MobileEventManager.syncNotify(runtime, manager.pid(), "one", LONG);
        ProcessRef moved = move(manager.pid());
        MobileEventManager.syncNotify(destination, moved.pid(), "two", LONG);
        assertThat((Object) MobileEventManager.whichHandlers(destination, moved.pid(), LONG)).isEqualTo(List.of("count"));
        assertThat((Object) MobileEventManager.call(destination, moved.pid(), "count", "how many?", LONG)).isEqualTo(2);
    }
}
