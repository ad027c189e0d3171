package io.procmobility.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.serial.SerializationException;
import io.procmobility.testing.InstrumentingLoader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** freeze -> bytes -> thaw in another runtime and a fresh class loader -> the process goes on. */
class FreezeThawTest {
    private static final String PROCS = "io.procmobility.process.procs";
    private static final SerialAllowlist ALLOW = SerialAllowlist.builder().allowPackage(PROCS + ".**").build();

    private final ProcessRuntime origin = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(2));
    private final ProcessRuntime destination = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(2));
    private final BlockingQueue<Object> replies = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        origin.close();
        destination.close();
    }

    private static MobileProcess create(InstrumentingLoader loader, String name, Object... args) {
        return loader.create(PROCS + "." + name, args);
    }

    private static void awaitWaiting(ProcessRuntime runtime, Pid pid) {
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.processes().stream()
                .anyMatch(p -> p.pid().equals(pid) && p.status() == ProcessStatus.WAITING && p.mailboxLength() == 0));
    }

    private Object reply() throws InterruptedException {
        Object value = replies.poll(30, TimeUnit.SECONDS);
        assertThat(value).as("a reply within 30 s").isNotNull();
        return value;
    }

    @Test
    void stateInLocalsQueuedMessagesAndNameSurviveAFreshClassLoader() throws Exception {
        InstrumentingLoader first = new InstrumentingLoader(PROCS, getClass().getClassLoader());
        ProcessRef acc = origin.spawn(create(first, "Accumulator"));
        origin.register("acc", acc.pid());
        acc.send(1);
        acc.send(2);
        awaitWaiting(origin, acc.pid());
        acc.send(3); // queued, not yet received when frozen
        byte[] bytes = freezeWhenWaiting(acc.pid());
        assertThat(origin.isAlive(acc.pid())).isFalse();
        assertThat(origin.whereis("acc")).isEmpty();

        InstrumentingLoader fresh = new InstrumentingLoader(PROCS, getClass().getClassLoader());
        ProcessRef thawed = destination.thaw(bytes, ALLOW, fresh);
        assertThat(thawed.pid()).isEqualTo(acc.pid());
        assertThat(destination.whereis("acc")).contains(acc.pid());
        try (Endpoint endpoint = destination.openEndpoint(replies::add)) {
            thawed.send(4);
            thawed.send(endpoint.pid());
            assertThat(reply()).isEqualTo(List.of(10L, System.identityHashCode(fresh)));
        }
    }

    @Test
    void aSleepKeepsItsRemainingTimeAcrossTheThaw() throws Exception {
        InstrumentingLoader first = new InstrumentingLoader(PROCS, getClass().getClassLoader());
        ProcessRef sleeper = origin.spawn(create(first, "SleepThenAnswer", 200L));
        byte[] bytes = freezeWhenWaiting(sleeper.pid());
        ProcessRef thawed = destination.thaw(bytes, ALLOW, new InstrumentingLoader(PROCS, getClass().getClassLoader()));
        try (Endpoint endpoint = destination.openEndpoint(replies::add)) {
            thawed.send(endpoint.pid());
            assertThat(reply()).isEqualTo("slept 200");
        }
    }

    @Test
    void aProcessThatCannotTravelStaysWhereItWas() throws Exception {
        InstrumentingLoader first = new InstrumentingLoader(PROCS, getClass().getClassLoader());
        ProcessRef acc = origin.spawn(create(first, "Accumulator"));
        acc.send(5);
        awaitWaiting(origin, acc.pid());
        acc.send(6);
        // It may be busy with the 6 for a moment: retry while it is not suspended.
        Throwable[] refused = new Throwable[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try {
                origin.freeze(acc.pid(), SerialAllowlist.none());
                return true;
            } catch (IllegalStateException notSuspended) {
                return false;
            } catch (SerializationException e) {
                refused[0] = e;
                return true;
            }
        });
        assertThat(refused[0]).isInstanceOf(SerializationException.class)
                .hasMessageContaining(PROCS + ".Accumulator");
        assertThat(origin.isAlive(acc.pid())).isTrue();
        try (Endpoint endpoint = origin.openEndpoint(replies::add)) {
            acc.send(endpoint.pid());
            assertThat((List<?>) reply()).first().isEqualTo(11L);
        }
    }

    @Test
    void aMessageSentDuringTheFreezeIsEitherFrozenWithItOrCountedAsDropped() throws Exception {
        InstrumentingLoader first = new InstrumentingLoader(PROCS, getClass().getClassLoader());
        ProcessRef acc = origin.spawn(create(first, "Accumulator"));
        awaitWaiting(origin, acc.pid());
        long droppedBefore = origin.droppedMessages();
        int sent = 20_000;
        Thread sender = new Thread(() -> {
            for (int i = 0; i < sent; i++) {
                origin.send(acc.pid(), 1);
            }
        });
        sender.start();
        byte[] bytes = freezeWhenWaiting(acc.pid());
        sender.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(sender.isAlive()).isFalse();
        long dropped = origin.droppedMessages() - droppedBefore;
        ProcessRef thawed = destination.thaw(bytes, ALLOW, new InstrumentingLoader(PROCS, getClass().getClassLoader()));
        try (Endpoint endpoint = destination.openEndpoint(replies::add)) {
            thawed.send(endpoint.pid());
            long received = (Long) ((List<?>) reply()).get(0);
            assertThat(received + dropped).as("frozen with the process + dropped after it left").isEqualTo(sent);
        }
    }

    @Test
    void freezingAnUnknownProcessFailsClearly() {
        assertThatThrownBy(() -> origin.freeze(new Pid(1, 1), ALLOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("noproc");
    }

    /** Freezing needs the process suspended; retry until it is (it may be between two messages). */
    private byte[] freezeWhenWaiting(Pid pid) {
        byte[][] result = new byte[1][];
        await().atMost(Duration.ofSeconds(30)).ignoreException(IllegalStateException.class).until(() -> {
            result[0] = origin.freeze(pid, ALLOW);
            return true;
        });
        return result[0];
    }
}
