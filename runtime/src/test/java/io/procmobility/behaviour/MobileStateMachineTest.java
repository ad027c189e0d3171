package io.procmobility.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.procmobility.behaviour.messages.Lock;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MobileStateMachineTest extends BehaviourTestSupport {
    private static final Duration LONG = Duration.ofSeconds(30);

    private Pid spawnLock(Duration openTime, Duration buttonTimeout) {
        MobileStateMachine<?, ?> lock = create("CodeLock", "1234", openTime, buttonTimeout, out);
        return runtime.spawn(lock).pid();
    }

    private void press(Pid lock, String digits) {
        for (char digit : digits.toCharArray()) {
            MobileStateMachine.cast(runtime, lock, new Lock.Button(digit));
        }
    }

    private String state(Pid lock) {
        return MobileStateMachine.call(runtime, lock, new Lock.GetState(), LONG);
    }

    @Test
    void theRightCodeOpensAndTheStateTimeoutRelocks() throws Exception {
        Duration openTime = Duration.ofMillis(300);
        Pid lock = spawnLock(openTime, LONG);
        assertThat(state(lock)).isEqualTo("LOCKED");
        press(lock, "1234");
        assertThat(next()).isEqualTo("opened");
        long openedAt = System.nanoTime();
        assertThat(state(lock)).isEqualTo("OPEN");
        assertThat(next()).isEqualTo("relocked");
        assertThat(Duration.ofNanos(System.nanoTime() - openedAt)).isGreaterThanOrEqualTo(openTime.minusMillis(50));
        assertThat(state(lock)).isEqualTo("LOCKED");
    }

    @Test
    void aWrongCodeKeepsTheDoorLocked() throws Exception {
        Pid lock = spawnLock(LONG, LONG);
        press(lock, "1235");
        assertThat(next()).isEqualTo("wrong:1235");
        assertThat(state(lock)).isEqualTo("LOCKED");
    }

    @Test
    void aStateChangeCancelsTheStateTimeout() throws Exception {
        Pid lock = spawnLock(Duration.ofMillis(200), LONG);
        press(lock, "1234");
        assertThat(next()).isEqualTo("opened");
        MobileStateMachine.cast(runtime, lock, new Lock.LockNow());
        assertThat(next()).isEqualTo("locked by hand");
        // Had the OPEN state's timeout survived the change, it would fire while LOCKED and report it.
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(out::isEmpty);
        assertThat(state(lock)).isEqualTo("LOCKED");
    }

    @Test
    void anEventTimeoutForgetsAPartialCode() throws Exception {
        Pid lock = spawnLock(LONG, Duration.ofMillis(200));
        press(lock, "12");
        assertThat(next()).isEqualTo("reset:12");
        press(lock, "1234");
        assertThat(next()).as("the digits before the reset are forgotten").isEqualTo("opened");
    }

    @Test
    void aPostponedCallIsAnsweredAfterTheStateChanges() throws Exception {
        Pid lock = spawnLock(LONG, LONG);
        runtime.spawn(create("Caller", lock, List.of(new Lock.WaitOpen()), LONG, out));
        assertThat(next()).isEqualTo("postponed");
        press(lock, "1234");
        assertThat(next()).isEqualTo("opened");
        assertThat(next()).as("the postponed call, handled again once OPEN").isEqualTo("open");
    }

    @Test
    void aCrashingHandlerRunsTerminate() throws Exception {
        Pid lock = spawnLock(LONG, LONG);
        assertThatThrownBy(() -> MobileStateMachine.call(runtime, lock, new Lock.Crash(), LONG))
                .isInstanceOfSatisfying(CallFailedException.class,
                        e -> assertThat(e.reason().detail()).contains("lock crash requested"));
        assertThat(next()).isEqualTo("terminate:crash:LOCKED");
    }

    @Test
    void stopRunsTerminateInTheCurrentState() throws Exception {
        Pid lock = spawnLock(LONG, LONG);
        press(lock, "1234");
        assertThat(next()).isEqualTo("opened");
        ExitReason shutdown = ExitReason.of("shutdown");
        assertThat(MobileStateMachine.stop(runtime, lock, shutdown, LONG)).isEqualTo(shutdown);
        assertThat(next()).isEqualTo("terminate:shutdown:OPEN");
    }
}
