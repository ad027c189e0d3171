package io.procmobility.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Endpoint;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRef;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.testing.InstrumentingLoader;
import io.procmobility.transport.TransportConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Migration between nodes in one JVM (each with its own class loader), over real sockets on 127.0.0.1. */
class NodeMigrationTest {
    static final String PROCS = "io.procmobility.node.procs";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final List<Node> nodes = new ArrayList<>();
    private final BlockingQueue<Object> observed = new LinkedBlockingQueue<>();

    private Node node(String name, SerialAllowlist allowlist) {
        InstrumentingLoader loader = new InstrumentingLoader(PROCS, getClass().getClassLoader());
        Node node = Node.start(TransportConfig.builder(name, "cookie").port(0).allowlist(allowlist).classLoader(loader).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(2), MigrationSettings.defaults().withAcceptTimeout(Duration.ofSeconds(5)));
        nodes.add(node);
        return node;
    }

    private Node node(String name) {
        return node(name, SerialAllowlist.builder().allowPackage(PROCS + ".**").build());
    }

    private static MobileProcess create(Node node, String simpleName, Object... args) {
        InstrumentingLoader loader = (InstrumentingLoader) nodeLoader(node);
        return loader.create(PROCS + "." + simpleName, args);
    }

    private static ClassLoader nodeLoader(Node node) {
        return node.loader();
    }

    @AfterEach
    void stop() {
        nodes.forEach(Node::close);
    }

    @SuppressWarnings("unchecked")
    private List<Object> next() throws InterruptedException {
        Object o = observed.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(o).as("an observation within " + TIMEOUT).isNotNull();
        return (List<Object>) o;
    }

    @Test
    void aCounterMovedFromOutsideKeepsCountingOnTheOtherNode() throws Exception {
        Node a = node("a");
        Node b = node("b");
        try (Endpoint observer = a.runtime().openEndpoint(observed::add)) {
            ProcessRef counter = a.runtime().spawn(create(a, "Counter", observer.pid(), 5L));
            long n = 0;
            for (int hop = 0; hop < 6; hop++) {
                Node from = hop % 2 == 0 ? a : b;
                Node to = hop % 2 == 0 ? b : a;
                // a few steps where it is
                for (int i = 0; i < 3; i++) {
                    List<Object> step = next();
                    assertThat(step.get(1)).isEqualTo(++n);
                    assertThat(step.get(0)).isEqualTo(from.runtime().incarnation());
                }
                MigrationResult result = from.migrate(counter.pid(), Destination.tcp("127.0.0.1", to.port())).get(30, TimeUnit.SECONDS);
                assertThat(result.node()).isEqualTo(to.name());
                assertThat(result.epoch()).isEqualTo(hop + 1);
                // steps continue without gap or repeat; once one shows up at the destination, none comes from the origin
                boolean arrived = false;
                while (!arrived) {
                    List<Object> step = next();
                    assertThat(step.get(1)).isEqualTo(++n);
                    arrived = step.get(0).equals(to.runtime().incarnation());
                }
                assertThat(from.runtime().isAlive(counter.pid())).isFalse();
                assertThat(to.runtime().isAlive(counter.pid())).isTrue();
            }
        }
    }

    @Test
    void aRegisteredNameMovesWithTheProcessAndStillReachesItFromTheNodeItLeft() throws Exception {
        Node a = node("a");
        Node b = node("b");
        try (Endpoint observer = a.runtime().openEndpoint(observed::add)) {
            ProcessRef checker = a.runtime().spawn(create(a, "SequenceChecker", 2));
            a.runtime().register("checker", checker.pid());
            a.runtime().send("checker", List.of(0, 1L));
            a.migrate("checker", Destination.tcp("127.0.0.1", b.port())).get(30, TimeUnit.SECONDS);
            await().atMost(TIMEOUT).until(() -> b.runtime().isAlive(checker.pid()));
            assertThat(b.runtime().whereis("checker")).contains(checker.pid());
            assertThat(a.runtime().whereis("checker")).contains(checker.pid());
            assertThat(a.runtime().send("checker", List.of(0, 2L))).isTrue();
            b.runtime().send("checker", List.of(1, 1L));
            a.runtime().send("checker", List.of("report", observer.pid()));
            assertThat(next()).containsExactly("report", 3L, 0L, "");
            assertThatThrownBy(() -> a.migrate("nobody", Destination.tcp("127.0.0.1", b.port())).get(30, TimeUnit.SECONDS))
                    .cause().isInstanceOf(MigrationException.class).hasMessageContaining("no process is registered under that name");
        }
    }

    @Test
    void sendMeMovesTheCallerWhichResumesOnTheNextInstruction() throws Exception {
        Node a = node("a");
        Node b = node("b");
        try (Endpoint observer = a.runtime().openEndpoint(observed::add)) {
            a.runtime().spawn(create(a, "SelfMover", observer.pid(), "127.0.0.1", b.port()));
            for (long n = 1; n <= 6; n++) {
                List<Object> step = next();
                assertThat(step).containsExactly((Object) (n <= 3 ? a.runtime().incarnation() : b.runtime().incarnation()), n);
            }
            assertThat(next()).containsExactly("done", "local state survives");
        }
    }

    @Test
    void aRejectedSendMeThrowsInsideAndTheProcessGoesOnAtHome() throws Exception {
        Node a = node("a");
        Node b = node("b", SerialAllowlist.builder().allowPackage("com.other.**").build());
        try (Endpoint observer = a.runtime().openEndpoint(observed::add)) {
            a.runtime().spawn(create(a, "SelfMover", observer.pid(), "127.0.0.1", b.port()));
            for (long n = 1; n <= 3; n++) {
                assertThat(next()).containsExactly((Object) a.runtime().incarnation(), n);
            }
            List<Object> failed = next();
            assertThat(failed.get(0)).isEqualTo("failed");
            assertThat((String) failed.get(1)).contains("rejected by node b", "io.procmobility.node.procs.SelfMover", "SerialAllowlist");
            for (long n = 4; n <= 6; n++) {
                assertThat(next()).containsExactly((Object) a.runtime().incarnation(), n);
            }
        }
    }

    @Test
    void migratingToANodeThatIsNotListeningFailsAndTheProcessStays() throws Exception {
        Node a = node("a");
        try (Endpoint observer = a.runtime().openEndpoint(observed::add)) {
            ProcessRef counter = a.runtime().spawn(create(a, "Counter", observer.pid(), 5L));
            next();
            int closedPort;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            assertThatThrownBy(() -> a.migrate(counter.pid(), Destination.tcp("127.0.0.1", closedPort)).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(MigrationException.class)
                    .hasMessageContaining("cannot migrate " + counter.pid()).hasMessageContaining("127.0.0.1:" + closedPort);
            long before = ((Number) next().get(1)).longValue();
            assertThat(((Number) next().get(1)).longValue()).isEqualTo(before + 1);
            assertThat(a.runtime().isAlive(counter.pid())).isTrue();
        }
    }

    @Test
    void messagesSentWhileItMovesFollowItInOrderExactlyOnce() throws Exception {
        Node a = node("a");
        Node b = node("b");
        Node c = node("c");
        c.connect("127.0.0.1", a.port(), TIMEOUT);
        c.connect("127.0.0.1", b.port(), TIMEOUT);
        ProcessRef checker = a.runtime().spawn(create(a, "SequenceChecker", 2));
        Thread[] senders = new Thread[2];
        int perSender = 20_000;
        for (int s = 0; s < senders.length; s++) {
            int id = s;
            Node from = s == 0 ? a : c;
            senders[s] = new Thread(() -> {
                for (long n = 1; n <= perSender; n++) {
                    from.runtime().send(checker.pid(), List.of(id, n));
                }
            });
            senders[s].start();
        }
        for (int hop = 0; hop < 8; hop++) {
            Node from = hop % 2 == 0 ? a : b;
            Node to = hop % 2 == 0 ? b : a;
            from.migrate(checker.pid(), Destination.tcp("127.0.0.1", to.port())).get(30, TimeUnit.SECONDS);
            // The origin's future completes at its commit; the destination starts the process when the commit lands.
            await().atMost(TIMEOUT).until(() -> to.runtime().isAlive(checker.pid()));
        }
        for (Thread t : senders) {
            t.join();
        }
        try (Endpoint me = c.runtime().openEndpoint(observed::add)) {
            await().atMost(TIMEOUT).until(() -> {
                c.runtime().send(checker.pid(), List.of("report", me.pid()));
                List<Object> report = next();
                assertThat(report.get(2)).as("errors, first: " + report.get(3)).isEqualTo(0L);
                return report.get(1).equals((long) perSender * senders.length);
            });
        }
    }

    @Test
    void afterMovesAroundAThreeNodeRingEveryPlaceItLeftPointsStraightAtIt() throws Exception {
        Node a = node("a");
        Node b = node("b");
        Node c = node("c");
        Node d = node("d");
        d.connect("127.0.0.1", a.port(), TIMEOUT);
        try (Endpoint observer = a.runtime().openEndpoint(observed::add)) {
            ProcessRef counter = a.runtime().spawn(create(a, "Counter", observer.pid(), 20L));
            Node[] ring = {a, b, c, a, b, c, a};
            for (int i = 0; i + 1 < ring.length; i++) {
                Node to = ring[i + 1];
                ring[i].migrate(counter.pid(), Destination.tcp("127.0.0.1", to.port())).get(30, TimeUnit.SECONDS);
                await().atMost(TIMEOUT).until(() -> to.runtime().isAlive(counter.pid()));
            }
            // Back at a: b and c were told by a itself (the trail), not left pointing at each other.
            await().atMost(TIMEOUT).until(() -> b.locate(counter.pid()).equals(java.util.Optional.of("a"))
                    && c.locate(counter.pid()).equals(java.util.Optional.of("a")));
            assertThat(a.locate(counter.pid())).contains("a");
            // d never saw it move; it sends to its home a. Move it to c: d's first message is forwarded
            // by a, which tells d where it went; later ones go straight to c.
            a.migrate(counter.pid(), Destination.tcp("127.0.0.1", c.port())).get(30, TimeUnit.SECONDS);
            await().atMost(TIMEOUT).until(() -> c.runtime().isAlive(counter.pid()));
            assertThat(d.locate(counter.pid())).contains("a");
            d.runtime().send(counter.pid(), "ignored by the counter");
            await().atMost(TIMEOUT).until(() -> d.locate(counter.pid()).equals(java.util.Optional.of("c")));
        }
    }

    @Test
    void aMonitorOnAnotherNodeFollowsTheProcessAndFiresOnceWhenItsNewNodeGoesAway() throws Exception {
        Node a = node("a");
        Node b = node("b");
        Node c = node("c");
        c.connect("127.0.0.1", a.port(), TIMEOUT);
        BlockingQueue<Object> watched = new LinkedBlockingQueue<>();
        try (Endpoint observer = a.runtime().openEndpoint(observed::add)) {
            ProcessRef counter = a.runtime().spawn(create(a, "Counter", observer.pid(), 20L));
            c.runtime().spawn(new InstrumentingLoader("io.procmobility.process.procs", getClass().getClassLoader())
                    .create("io.procmobility.process.procs.Watcher", watched, counter.pid()));
            Object ref = watched.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(ref).isInstanceOf(io.procmobility.process.MonitorRef.class);
            await().atMost(TIMEOUT).until(() -> !a.runtime().processes().isEmpty()
                    && a.runtime().processes().get(0).status() == io.procmobility.process.ProcessStatus.WAITING);
            a.migrate(counter.pid(), Destination.tcp("127.0.0.1", b.port())).get(30, TimeUnit.SECONDS);
            await().atMost(TIMEOUT).until(() -> c.locate(counter.pid()).equals(java.util.Optional.of("b")));
            a.close(); // the node it left goes away: the monitor no longer depends on it
            assertThat(watched.poll(300, TimeUnit.MILLISECONDS)).isNull();
            b.close(); // the node it lives on goes away: noconnection, once
            Object down = watched.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(down).isInstanceOf(io.procmobility.process.Down.class);
            assertThat(((io.procmobility.process.Down) down).reason()).isEqualTo(io.procmobility.process.ExitReason.NOCONNECTION);
        }
    }
}
