package io.procmobility.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.procmobility.behaviour.CallFailedException;
import io.procmobility.behaviour.MobileProcess;
import io.procmobility.behaviour.MobileServer;
import io.procmobility.process.Down;
import io.procmobility.process.Endpoint;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRef;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.registry.Location;
import io.procmobility.registry.NameTakenException;
import io.procmobility.registry.NodeDownException;
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

/**
 * The node's cluster behaviour against an in-JVM registry ({@link FakeCluster}): migration by node
 * name, the ownership claim that decides a commit, routing by the registry, names unique across
 * nodes, and {@code nodedown} when the cluster reports a node failed. The same behaviour on JGroups,
 * with nodes in their own JVMs, is tested in {@code procmobility-cluster-jgroups}.
 */
class ClusterNodeTest {
    private static final String PROCS = NodeMigrationTest.PROCS;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final FakeCluster cluster = new FakeCluster();
    private final List<Node> nodes = new ArrayList<>();
    private final BlockingQueue<Object> observed = new LinkedBlockingQueue<>();

    private Node node(String name) {
        InstrumentingLoader loader = new InstrumentingLoader(PROCS, getClass().getClassLoader());
        Node node = Node.start(TransportConfig.builder(name, "cookie").port(0)
                        .allowlist(SerialAllowlist.builder().allowPackage(PROCS + ".**").build()).classLoader(loader).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(2), MigrationSettings.defaults().withAcceptTimeout(Duration.ofSeconds(5)),
                cluster.factory());
        nodes.add(node);
        return node;
    }

    private static MobileProcess create(Node node, String simpleName, Object... args) {
        return ((InstrumentingLoader) node.loader()).create(PROCS + "." + simpleName, args);
    }

    @AfterEach
    void stop() {
        nodes.forEach(Node::close);
        cluster.close();
    }

    private Object next() throws InterruptedException {
        Object o = observed.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(o).as("an observation within " + TIMEOUT).isNotNull();
        return o;
    }

    private void expectReport(Node from, Pid checker, long received) throws InterruptedException {
        try (Endpoint reply = from.runtime().openEndpoint(observed::add)) {
            await().atMost(TIMEOUT).untilAsserted(() -> {
                from.runtime().send(checker, List.of("report", reply.pid()));
                Object report = observed.poll(2, TimeUnit.SECONDS);
                assertThat(report).isEqualTo(List.of("report", received, 0L, ""));
            });
        }
    }

    @Test
    void aProcessMovesByNodeNameWithoutAPriorConnectionAndTheRegistryRoutesTheOthersMessages() throws Exception {
        Node a = node("a");
        Node b = node("b");
        Node c = node("c");
        ProcessRef checker = a.runtime().spawn(create(a, "SequenceChecker", 3));
        assertThat(cluster.locate(checker.pid())).as("no record until it first moves").isEmpty();
        a.runtime().send(checker.pid(), List.of(0, 1L));

        MigrationResult moved = a.migrate(checker.pid(), Destination.node("c")).get(20, TimeUnit.SECONDS);
        assertThat(moved.node()).isEqualTo("c");
        assertThat(moved.epoch()).isEqualTo(1);
        assertThat(cluster.locate(checker.pid())).contains(new Location(checker.pid(), "c", 1, null));

        // b never heard of the move but reads the registry; a follows its forwarding pointer.
        b.runtime().send(checker.pid(), List.of(1, 1L));
        a.runtime().send(checker.pid(), List.of(0, 2L));
        c.runtime().send(checker.pid(), List.of(2, 1L));
        assertThat(b.locate(checker.pid())).contains("c");
        expectReport(b, checker.pid(), 4);

        // And on to b, by name, from c.
        assertThat(c.migrate(checker.pid(), Destination.node("b")).get(20, TimeUnit.SECONDS).epoch()).isEqualTo(2);
        await().atMost(TIMEOUT).until(() -> cluster.locate(checker.pid()).map(Location::node).orElse("").equals("b"));
        a.runtime().send(checker.pid(), List.of(0, 3L));
        expectReport(c, checker.pid(), 5);
        assertThatThrownBy(() -> a.migrate(checker.pid(), Destination.node("c")).get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(MigrationException.class).hasMessageContaining("it lives on node b");
    }

    @Test
    void aProcessMovesItselfByNodeNameWithSendMe() throws Exception {
        Node a = node("a");
        Node b = node("b");
        try (Endpoint observer = a.runtime().openEndpoint(observed::add)) {
            ProcessRef mover = a.runtime().spawn(create(a, "NamedMover", observer.pid(), "b"));
            assertThat(next()).isEqualTo(List.of("moved", "b", 42L));
            assertThat(b.runtime().isAlive(mover.pid())).isTrue();
            assertThat(cluster.locate(mover.pid())).contains(new Location(mover.pid(), "b", 1, null));
            ProcessRef lost = a.runtime().spawn(create(a, "NamedMover", observer.pid(), "nowhere"));
            assertThat(next()).isEqualTo(List.of("failed", "cannot migrate " + lost.pid() + " from node a to nowhere: node nowhere is not"
                    + " a member of the cluster of node a (members: [a, b]; hint: a node of another cluster is reached with"
                    + " Destination.tcp(host, port))"));
        }
    }

    @Test
    void aMoveWhoseClaimFailsIsAbortedAndTheProcessGoesOnWithAHigherEpoch() throws Exception {
        Node a = node("a");
        node("b");
        try (Endpoint observer = a.runtime().openEndpoint(observed::add)) {
            ProcessRef counter = a.runtime().spawn(create(a, "Counter", observer.pid(), 20L));
            next();
            cluster.cutOff("a", true);
            assertThatThrownBy(() -> a.migrate(counter.pid(), Destination.node("b")).get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(MigrationException.class)
                    .hasMessageContaining("the cluster did not record the move (NoQuorumException")
                    .hasMessageContaining("the process goes on at node a");
            assertThat(a.runtime().isAlive(counter.pid())).isTrue();
            assertThat(nodes.get(1).runtime().isAlive(counter.pid())).isFalse();
            assertThat(nodes.get(1).inDoubt()).isEmpty();
            long n = ((Number) ((List<?>) next()).get(1)).longValue();
            assertThat(((Number) ((List<?>) next()).get(1)).longValue()).isEqualTo(n + 1); // it goes on counting here

            cluster.cutOff("a", false);
            // Epoch 1's claim might have committed late: the process went on at epoch 2, so this move is epoch 3.
            assertThat(a.migrate(counter.pid(), Destination.node("b")).get(20, TimeUnit.SECONDS).epoch()).isEqualTo(3);
            assertThat(cluster.locate(counter.pid()).orElseThrow().node()).isEqualTo("b");
        }
    }

    @Test
    void namesAreUniqueAcrossNodesAndFoundFromAnyNode() throws Exception {
        Node a = node("a");
        Node b = node("b");
        Node c = node("c");
        ProcessRef first = a.runtime().spawn(create(a, "SequenceChecker", 1));
        ProcessRef second = b.runtime().spawn(create(b, "SequenceChecker", 1));
        a.runtime().register("checker", first.pid());
        assertThatThrownBy(() -> b.runtime().register("checker", second.pid()))
                .isInstanceOf(NameTakenException.class)
                .hasMessageContaining("the name is held by process " + first.pid() + " on node a");
        assertThat(c.runtime().whereis("checker")).contains(first.pid());
        assertThat(c.runtime().send("checker", List.of(0, 1L))).isTrue();
        expectReport(c, first.pid(), 1);

        // It moves; the name still denotes it everywhere.
        a.migrate("checker", Destination.node("b")).get(20, TimeUnit.SECONDS);
        assertThat(b.runtime().whereis("checker")).contains(first.pid());
        assertThat(c.runtime().send("checker", List.of(0, 2L))).isTrue();
        expectReport(c, first.pid(), 2);
        // a drops its forwarding entry; the cluster's registration goes with the process, untouched.
        assertThat(a.runtime().unregister("checker")).isTrue();
        assertThat(a.runtime().whereis("checker")).contains(first.pid());

        // It ends: the name is free cluster-wide.
        b.runtime().exit(first.pid(), ExitReason.KILLED);
        await().atMost(TIMEOUT).until(() -> c.runtime().whereis("checker").isEmpty());
        await().atMost(TIMEOUT).until(() -> cluster.locate(first.pid()).isEmpty());
        b.runtime().register("checker", second.pid());
        assertThat(a.runtime().whereis("checker")).contains(second.pid());
    }

    @Test
    void whenTheClusterReportsANodeFailedMonitorsAndLinksOnItsProcessesFireNodedown() throws Exception {
        Node a = node("a");
        Node b = node("b");
        Node c = node("c");
        ProcessRef onC = c.runtime().spawn(create(c, "SequenceChecker", 1));
        ProcessRef movedToC = a.runtime().spawn(create(a, "SequenceChecker", 1));
        a.migrate(movedToC.pid(), Destination.node("c")).get(20, TimeUnit.SECONDS);
        try (Endpoint watcherA = a.runtime().openEndpoint(observed::add);
                Endpoint watcherB = b.runtime().openEndpoint(observed::add)) {
            watcherA.monitor(onC.pid());
            watcherB.monitor(movedToC.pid());
            b.runtime().spawn(create(b, "Linker", onC.pid(), watcherB.pid()));
            assertThat(next()).isEqualTo(List.of("linked"));

            cluster.crashing("c");
            c.close(); // its connections drop: a member's monitors wait for the cluster's verdict
            // Nothing may fire while the cluster has not said c failed (a bounded wait for an absence).
            assertThat(observed.poll(300, TimeUnit.MILLISECONDS)).isNull();
            cluster.fail("c");

            List<Object> events = List.of(next(), next(), next());
            assertThat(events).filteredOn(e -> e instanceof Down).extracting(e -> ((Down) e).reason())
                    .containsExactly(ExitReason.NODEDOWN, ExitReason.NODEDOWN);
            assertThat(events).filteredOn(e -> e instanceof Down).extracting(e -> ((Down) e).pid())
                    .containsExactlyInAnyOrder(onC.pid(), movedToC.pid());
            assertThat(events).filteredOn(e -> e instanceof List).containsExactly(List.of("exit", onC.pid(), "nodedown"));

            // Sends fail clearly (node.send) or are counted (runtime.send); a new monitor fires at once.
            assertThatThrownBy(() -> b.send(movedToC.pid(), "hello")).isInstanceOf(NodeDownException.class)
                    .hasMessageContaining("it lives on node c, which was detected as failed");
            long dropped = b.runtime().droppedMessages();
            b.runtime().send(onC.pid(), "hello");
            assertThat(b.runtime().droppedMessages()).isEqualTo(dropped + 1);
            watcherA.monitor(movedToC.pid());
            assertThat(((Down) next()).reason()).isEqualTo(ExitReason.NODEDOWN);
            // A call fails at once, saying why, instead of waiting for its timeout.
            assertThatThrownBy(() -> MobileServer.call(a.runtime(), onC.pid(), "value", Duration.ofSeconds(30)))
                    .isInstanceOf(CallFailedException.class).hasMessageContaining("request failed: nodedown (the node it lives on");
            assertThatThrownBy(() -> a.migrate(a.runtime().spawn(create(a, "SequenceChecker", 1)).pid(), Destination.node("c"))
                    .get(20, TimeUnit.SECONDS)).hasMessageContaining("node c was detected as failed");
        }
    }
}
