package io.procmobility.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.procmobility.behaviour.CallFailedException;
import io.procmobility.behaviour.MobileProcess;
import io.procmobility.behaviour.MobileServer;
import io.procmobility.process.Down;
import io.procmobility.process.Endpoint;
import io.procmobility.process.Exit;
import io.procmobility.process.ExitReason;
import io.procmobility.process.MonitorRef;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRef;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.process.ProcessStatus;
import io.procmobility.testing.InstrumentingLoader;
import io.procmobility.transport.TransportConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two nodes over real sockets on 127.0.0.1: a message to a pid born on the other node gets there, and back. */
class NodeMessagingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
    private Node a;
    private Node b;

    private static Node node(String name, String cookie) {
        return Node.start(TransportConfig.builder(name, cookie).port(0).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(1));
    }

    /** Starts nodes a and b with the same cookie and connects a to b. */
    private void connectAToB() throws Exception {
        a = node("a", "secret");
        b = node("b", "secret");
        a.connect("127.0.0.1", b.port(), TIMEOUT);
    }

    private Object nextReply() throws InterruptedException {
        return replies.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void aProcessOnOneNodeAnswersAnEndpointOnTheOther() throws Exception {
        a = node("a", "secret");
        b = node("b", "secret");
        assertThat(a.connect("127.0.0.1", b.port(), TIMEOUT)).isEqualTo("b");
        assertThat(a.connectedNodes()).containsExactly("b");

        MobileProcess echo = new InstrumentingLoader("io.procmobility.process.procs", getClass().getClassLoader())
                .create("io.procmobility.process.procs.Echo");
        ProcessRef onB = b.runtime().spawn(echo);
        try (Endpoint me = a.runtime().openEndpoint(replies::add)) {
            for (int i = 0; i < 100; i++) {
                a.runtime().send(onB.pid(), List.of(me.pid(), "hello " + i));
            }
            for (int i = 0; i < 100; i++) {
                assertThat(nextReply()).isEqualTo("hello " + i);
            }
        }
        assertThat(b.connectedNodes()).containsExactly("a");
    }

    private static MobileProcess proc(String name, Object... args) {
        return new InstrumentingLoader("io.procmobility.process.procs", NodeMessagingTest.class.getClassLoader())
                .create("io.procmobility.process.procs." + name, args);
    }

    @Test
    void aMonitorOnAProcessOfAnotherNodeGetsItsCrashReason() throws Exception {
        connectAToB();
        ProcessRef crasher = b.runtime().spawn(proc("Crasher", false));
        a.runtime().spawn(proc("Watcher", replies, crasher.pid()));
        MonitorRef ref = (MonitorRef) nextReply();
        await().atMost(TIMEOUT).until(() -> b.runtime().processes().stream()
                .anyMatch(p -> p.pid().equals(crasher.pid()) && p.status() == ProcessStatus.WAITING));
        a.runtime().send(crasher.pid(), "crash now");
        Down down = (Down) nextReply();
        assertThat(down.ref()).isEqualTo(ref);
        assertThat(down.pid()).isEqualTo(crasher.pid());
        assertThat(down.reason().kind()).isEqualTo("crash");
        assertThat(down.reason().detail()).contains("boom from " + crasher.pid());
    }

    @Test
    void monitorsOnAProcessOfANodeThatGoesAwayFireNoconnection() throws Exception {
        connectAToB();
        ProcessRef sink = b.runtime().spawn(proc("Sink", new LinkedBlockingQueue<>()));
        a.runtime().spawn(proc("Watcher", replies, sink.pid()));
        nextReply();
        await().atMost(TIMEOUT).until(() -> b.runtime().processes().stream().anyMatch(p -> p.pid().equals(sink.pid())));
        b.close();
        b = null;
        Down down = (Down) nextReply();
        assertThat(down).isNotNull();
        assertThat(down.pid()).isEqualTo(sink.pid());
        assertThat(down.reason()).isEqualTo(ExitReason.NOCONNECTION);
    }

    @Test
    void aLinkedCrashOnAnotherNodeEndsTheLocalProcess() throws Exception {
        connectAToB();
        ProcessRef crasher = b.runtime().spawn(proc("Crasher", false));
        ProcessRef linker = a.runtime().spawn(proc("Linker", replies, crasher.pid(), false));
        assertThat(nextReply()).isEqualTo("linked");
        a.runtime().send(crasher.pid(), "crash now");
        ExitReason reason = a.runtime().awaitExit(linker.pid(), TIMEOUT);
        assertThat(reason.kind()).isEqualTo("crash");
        assertThat(reason.detail()).contains("boom from " + crasher.pid());
    }

    @Test
    void aTrappingProcessLinkedToAnotherNodeGetsExitMessages() throws Exception {
        connectAToB();
        ProcessRef crasher = b.runtime().spawn(proc("Crasher", false));
        a.runtime().spawn(proc("Linker", replies, crasher.pid(), true));
        assertThat(nextReply()).isEqualTo("linked");
        a.runtime().send(crasher.pid(), "crash now");
        Exit exit = (Exit) nextReply();
        assertThat(exit.from()).isEqualTo(crasher.pid());
        assertThat(exit.reason().kind()).isEqualTo("crash");

        ProcessRef sink = b.runtime().spawn(proc("Sink", new LinkedBlockingQueue<>()));
        a.runtime().spawn(proc("Linker", replies, sink.pid(), true));
        assertThat(nextReply()).isEqualTo("linked");
        b.close();
        b = null;
        Exit lost = (Exit) nextReply();
        assertThat(lost.from()).isEqualTo(sink.pid());
        assertThat(lost.reason()).isEqualTo(ExitReason.NOCONNECTION);
    }

    @Test
    void aGenServerOnAnotherNodeAnswersCallsAndADeadOneFailsFast() throws Exception {
        connectAToB();
        MobileProcess tally = new InstrumentingLoader("io.procmobility.behaviour.examples", getClass().getClassLoader())
                .create("io.procmobility.behaviour.examples.Tally");
        ProcessRef server = b.runtime().spawn(tally);
        assertThat((Object) MobileServer.call(a.runtime(), server.pid(), 5, TIMEOUT)).isEqualTo(5L);
        assertThat((Object) MobileServer.call(a.runtime(), server.pid(), 7, TIMEOUT)).isEqualTo(12L);
        b.runtime().exit(server.pid(), ExitReason.KILLED);
        b.runtime().awaitExit(server.pid(), TIMEOUT);
        long start = System.nanoTime();
        assertThatThrownBy(() -> MobileServer.call(a.runtime(), server.pid(), 1, TIMEOUT))
                .isInstanceOf(CallFailedException.class).hasMessageContaining("noproc");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.dividedBy(2));
    }

    @Test
    void aWrongCookieIsRefusedWithAReason() {
        a = node("a", "secret");
        b = node("b", "other secret");
        assertThatThrownBy(() -> a.connect("127.0.0.1", b.port(), TIMEOUT))
                .hasMessageContaining("127.0.0.1:" + b.port()).hasMessageContaining("cookie");
        assertThat(a.connectedNodes()).isEmpty();
    }

    @Test
    void aTakenPortFailsTheStartClearly() {
        a = node("a", "secret");
        assertThatThrownBy(() -> Node.start(TransportConfig.builder("b", "secret").port(a.port()).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(1)))
                .hasMessageContaining(String.valueOf(a.port()));
    }

    @Test
    void aMessageForAPidOfAnUnknownNodeIsDroppedAndCounted() {
        a = node("a", "secret");
        long before = a.runtime().droppedMessages();
        a.runtime().send(new Pid(123, 1), "nowhere");
        assertThat(a.runtime().droppedMessages()).isEqualTo(before + 1);
    }
}
