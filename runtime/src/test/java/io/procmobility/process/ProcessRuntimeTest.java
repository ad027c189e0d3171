package io.procmobility.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.testing.InstrumentingLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessRuntimeTest {
    private static final String PROCS = "io.procmobility.process.procs";

    private final InstrumentingLoader loader = new InstrumentingLoader(PROCS, getClass().getClassLoader());
    private final ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(2));
    private final BlockingQueue<Object> out = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        runtime.close();
    }

    private ProcessRef spawn(String simpleName, Object... args) {
        MobileProcess code = loader.create(PROCS + "." + simpleName, args);
        return runtime.spawn(code);
    }

    private Object next() throws InterruptedException {
        Object value = out.poll(30, TimeUnit.SECONDS);
        assertThat(value).as("a message from the process within 30 s").isNotNull();
        return value;
    }

    @Test
    void messagesArriveAndPidsAreValueEqual() throws Exception {
        ProcessRef sink = spawn("Sink", out);
        sink.send("hello");
        runtime.send(new Pid(sink.pid().incarnation(), sink.pid().serial()), "again");
        assertThat(next()).isEqualTo("hello");
        assertThat(next()).isEqualTo("again");
        assertThat(runtime.ref(sink.pid())).isEqualTo(sink);
    }

    @Test
    void perSenderOrderIsKeptWithInterleavedSenders() throws Exception {
        int senders = 4;
        int perSender = 2_000;
        ProcessRef receiver = spawn("OrderedReceiver", senders, perSender, out);
        for (int id = 0; id < senders; id++) {
            spawn("Sender", receiver.pid(), id, perSender);
        }
        assertThat(next()).isEqualTo("ok");
    }

    @Test
    void aProcessThatAsksToMoveWithoutANodeIsToldSoAndGoesOn() throws Exception {
        ProcessRef mobile = spawn("MobileWithoutANode", out);
        assertThat(next()).isEqualTo(List.of(MigrationUnavailableException.class.getName(), "cannot migrate " + mobile.pid()
                + " to elsewhere: this runtime is not part of a node (start a Node to move processes)"));
        assertThat(next()).isEqualTo("still here");
    }

    @Test
    void selectiveReceiveLeavesOtherMessagesInOrder() throws Exception {
        ProcessRef selective = spawn("Selective", out);
        selective.send("a");
        selective.send("c");
        selective.send("d");
        selective.send("b");
        assertThat(List.of(next(), next(), next(), next())).containsExactly("b", "a", "c", "d");
    }

    @Test
    void receiveWithTimeoutReturnsNullThenAMatchingMessage() throws Exception {
        ProcessRef timeouts = spawn("Timeouts", out);
        assertThat(next()).isEqualTo("timeout");
        timeouts.send("not this");
        timeouts.send("go");
        assertThat(next()).isEqualTo("go");
    }

    @Test
    void sleepingProcessesHoldNoCarrier() throws Exception {
        // 200 processes sleeping 300 ms each on 2 carriers: if sleep blocked a carrier this would take 30 s.
        for (int i = 0; i < 200; i++) {
            spawn("Sleeper", out, 300L);
        }
        List<Object> woke = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            out.drainTo(woke);
            return woke.size() == 200;
        });
        assertThat(woke).doesNotHaveDuplicates();
    }

    @Test
    void aCrashIsIsolatedAndItsReasonRecorded() throws Exception {
        ProcessRef sink = spawn("Sink", out);
        ProcessRef crasher = spawn("Crasher", true);
        ExitReason reason = runtime.awaitExit(crasher.pid(), Duration.ofSeconds(30));
        assertThat(reason.kind()).isEqualTo("crash");
        assertThat(reason.detail()).contains("IllegalStateException: boom from " + crasher.pid());
        assertThat(runtime.exitReason(crasher.pid())).contains(reason);
        sink.send("still alive");
        assertThat(next()).isEqualTo("still alive");
    }

    @Test
    void sendingToADeadProcessIsDroppedAndCounted() throws Exception {
        ProcessRef crasher = spawn("Crasher", true);
        runtime.awaitExit(crasher.pid(), Duration.ofSeconds(30));
        long before = runtime.droppedMessages();
        crasher.send("lost");
        assertThat(runtime.droppedMessages()).isEqualTo(before + 1);
        assertThat(runtime.isAlive(crasher.pid())).isFalse();
    }

    @Test
    void aLinkedCrashEndsTheParent() throws Exception {
        ProcessRef parent = spawn("LinkedParent", out, false);
        Pid child = (Pid) next();
        runtime.send(child, "crash now");
        ExitReason reason = runtime.awaitExit(parent.pid(), Duration.ofSeconds(30));
        assertThat(reason.kind()).isEqualTo("crash");
        assertThat(reason.detail()).contains("boom from " + child);
    }

    @Test
    void aTrappingParentGetsAnExitMessage() throws Exception {
        spawn("LinkedParent", out, true);
        Pid child = (Pid) next();
        runtime.send(child, "crash now");
        Exit exit = (Exit) next();
        assertThat(exit.from()).isEqualTo(child);
        assertThat(exit.reason().kind()).isEqualTo("crash");
    }

    @Test
    void monitorsDeliverDownWithTheReason() throws Exception {
        ProcessRef crasher = spawn("Crasher", false);
        spawn("Watcher", out, crasher.pid());
        MonitorRef ref = (MonitorRef) next();
        crasher.send("go");
        Down down = (Down) next();
        assertThat(down.ref()).isEqualTo(ref);
        assertThat(down.pid()).isEqualTo(crasher.pid());
        assertThat(down.reason().kind()).isEqualTo("crash");
    }

    @Test
    void monitoringADeadProcessGivesNoproc() throws Exception {
        Pid nobody = new Pid(42, 42);
        spawn("Watcher", out, nobody);
        next();
        Down down = (Down) next();
        assertThat(down.reason()).isEqualTo(ExitReason.NOPROC);
    }

    @Test
    void namesAreUniqueAndReleasedWhenTheProcessEnds() throws Exception {
        ProcessRef first = spawn("Named", out, "kv");
        assertThat(next()).isEqualTo("registered kv");
        assertThat(runtime.whereis("kv")).contains(first.pid());
        spawn("Named", out, "kv");
        assertThat((String) next()).contains("already registered by live process " + first.pid());
        assertThat(runtime.send("kv", "bye")).isTrue();
        assertThat(next()).isEqualTo("got bye");
        runtime.awaitExit(first.pid(), Duration.ofSeconds(30));
        assertThat(runtime.whereis("kv")).isEmpty();
        spawn("Named", out, "kv");
        assertThat(next()).isEqualTo("registered kv");
    }

    @Test
    void anExitSignalEndsAWaitingProcess() throws Exception {
        ProcessRef sink = spawn("Sink", out);
        sink.send("ping");
        assertThat(next()).isEqualTo("ping");
        runtime.exit(sink.pid(), ExitReason.of("shutdown"));
        assertThat(runtime.awaitExit(sink.pid(), Duration.ofSeconds(30)).kind()).isEqualTo("shutdown");
    }

    @Test
    void listingShowsWhereAWaitingProcessStands() throws Exception {
        ProcessRef sink = spawn("Sink", out);
        runtime.register("sink", sink.pid());
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.processes().stream()
                .anyMatch(p -> p.pid().equals(sink.pid()) && p.status() == ProcessStatus.WAITING));
        ProcessInfo info = runtime.processes().stream().filter(p -> p.pid().equals(sink.pid())).findFirst().orElseThrow();
        assertThat(info.name()).isEqualTo("sink");
        assertThat(info.behaviour()).isEqualTo(PROCS + ".Sink");
        assertThat(info.location()).startsWith(PROCS + ".Sink.run(Sink.java:");
        assertThat(info.mailboxLength()).isZero();
    }

    @Test
    void theWatchdogReportsAProcessBlockingItsCarrier() throws Exception {
        try (ProcessRuntime watched = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(2)
                .withBlockedWarning(Duration.ofMillis(100)))) {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            ProcessRef blocker = watched.spawn(loader.create(PROCS + ".Blocker", release));
            await().atMost(Duration.ofSeconds(30)).until(() -> watched.blockedProcesses().contains(blocker.pid()));
            release.countDown();
            assertThat(watched.awaitExit(blocker.pid(), Duration.ofSeconds(30))).isEqualTo(ExitReason.NORMAL);
            assertThat(watched.blockedProcesses()).isEmpty();
        }
    }

    @Test
    void aProcessThatOnlySendsCannotStarveOthersOnOneCarrier() throws Exception {
        try (ProcessRuntime single = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(1)
                .withReductions(500))) {
            ProcessRef flooder = single.spawn(loader.create(PROCS + ".Flooder"));
            ProcessRef sink = single.spawn(loader.create(PROCS + ".Sink", out));
            sink.send("served despite the flooder");
            assertThat(next()).isEqualTo("served despite the flooder");
            single.exit(flooder.pid(), ExitReason.KILLED);
            assertThat(single.awaitExit(flooder.pid(), Duration.ofSeconds(30))).isEqualTo(ExitReason.KILLED);
        }
    }

    @Test
    void processApiOutsideAProcessFailsClearly() {
        assertThatThrownBy(Processes::self).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only be called from inside a process");
    }

    @Test
    void oneHundredThousandWaitingProcessesOnTwoCarriers() throws Exception {
        int count = 100_000;
        AtomicInteger done = new AtomicInteger();
        System.gc();
        long before = usedMemory();
        List<ProcessRef> refs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            refs.add(spawn("Idle", done));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.processes().stream()
                .filter(p -> p.status() == ProcessStatus.WAITING).count() == count);
        long perProcess = (usedMemory() - before) / count;
        System.out.println("idle memory per waiting process (incl. its ref and test bookkeeping): " + perProcess + " bytes");
        for (ProcessRef ref : refs) {
            ref.send("wake");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> done.get() == count);
        // Each process counts itself done just before it ends; the runtime removes it right after.
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.processCount() == 0);
    }

    private static long usedMemory() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
