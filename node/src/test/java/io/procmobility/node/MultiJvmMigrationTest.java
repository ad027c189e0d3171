package io.procmobility.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.procmobility.process.Endpoint;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.transport.TransportConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The migration guarantees, each shown with real JVMs on 127.0.0.1: nodes run {@link MigrationNodeMain}
 * in their own JVM; this JVM is node "t", which observes (the processes report to an endpoint here).
 * Every JVM started is killed after the test, pass or fail.
 */
class MultiJvmMigrationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final List<NodeJvm> jvms = new ArrayList<>();
    private final BlockingQueue<Object> observed = new LinkedBlockingQueue<>();
    private Node t;
    private Endpoint observer;

    @BeforeEach
    void observerNode() {
        t = Node.start(TransportConfig.builder("t", "multi-jvm-cookie").port(0).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(1));
        observer = t.runtime().openEndpoint(observed::add);
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (NodeJvm jvm : jvms) {
            jvm.close();
        }
        observer.close();
        t.close();
    }

    private NodeJvm jvm(String name, String mode) throws Exception {
        NodeJvm jvm = NodeJvm.start(name, mode);
        jvms.add(jvm);
        t.connect("127.0.0.1", jvm.port, TIMEOUT);
        return jvm;
    }

    @SuppressWarnings("unchecked")
    private List<Object> next() throws InterruptedException {
        Object o = observed.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(o).as("an observation within " + TIMEOUT).isNotNull();
        return (List<Object>) o;
    }

    /** The next counter step: {@code [incarnation of its host, n]}. */
    private long[] nextStep() throws InterruptedException {
        List<Object> step = next();
        return new long[] {(Long) step.get(0), (Long) step.get(1)};
    }

    @Test
    void aCounterMigratesTwentyTimesMidLoopAndNeverSkipsRepeatsOrRunsTwice() throws Exception {
        NodeJvm a = jvm("a", "normal");
        NodeJvm b = jvm("b", "normal");
        Pid counter = a.spawn("Counter", observer.pid(), 10L);
        List<long[]> steps = new ArrayList<>();
        NodeJvm host = a;
        for (int move = 0; move < 20; move++) {
            NodeJvm to = host == a ? b : a;
            steps.add(nextStep());
            host.migrate(counter, to);
            assertThat(host.outcome(counter)).startsWith("MIGRATED").endsWith(" " + to.name + " " + (move + 1));
            long arrivedAt = to.incarnation;
            // Counting goes on over there (steps taken here before the freeze may still be on their way).
            long[] step;
            do {
                step = nextStep();
                steps.add(step);
            } while (step[0] != arrivedAt);
            host = to;
        }
        for (int i = 0; i < 5; i++) {
            steps.add(nextStep());
        }
        // The shared observation: every step exactly once (a second runner would repeat numbers), no gap,
        // and the host changes exactly at the 20 moves, alternating.
        steps.sort((x, y) -> Long.compare(x[1], y[1]));
        int switches = 0;
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i)[1]).as("step " + i).isEqualTo(i + 1L);
            if (i > 0 && steps.get(i)[0] != steps.get(i - 1)[0]) {
                switches++;
                assertThat(steps.get(i)[0]).isEqualTo(switches % 2 == 1 ? b.incarnation : a.incarnation);
            }
        }
        assertThat(switches).isEqualTo(20);
    }

    @Test
    void fourSendersOnTwoNodesEveryMessageArrivesOnceAndInOrderWhileTheReceiverKeepsMoving() throws Exception {
        NodeJvm a = jvm("a", "normal");
        NodeJvm b = jvm("b", "normal");
        NodeJvm c = jvm("c", "normal");
        NodeJvm d = jvm("d", "normal");
        c.connect(a);
        d.connect(a);
        Pid checker = a.spawn("SequenceChecker", 4);
        for (int id = 0; id < 4; id++) {
            (id < 2 ? c : d).spawn("SeqSender", checker, id, 10_000L, 10, observer.pid());
        }
        int sent = 0;
        int moves = 0;
        NodeJvm host = a;
        while (sent < 4 || moves < 6) {
            NodeJvm to = host == a ? b : a;
            host.migrate(checker, to);
            assertThat(host.outcome(checker)).startsWith("MIGRATED");
            moves++;
            NodeJvm arrived = to;
            await().atMost(TIMEOUT).until(() -> {
                arrived.send("alive " + checker.incarnation() + " " + checker.serial());
                return arrived.expectPrefix("ALIVE ").equals("ALIVE true");
            });
            host = to;
            while (observed.poll() != null) {
                sent++;
            }
        }
        awaitReceivedInOrder(checker, 40_000L);
        assertThat(moves).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aDestinationThatCannotRunTheProcessRejectsItAndItKeepsCountingAtHome() throws Exception {
        NodeJvm a = jvm("a", "normal");
        NodeJvm deny = jvm("deny", "deny");
        NodeJvm missing = jvm("missing", "missing");
        NodeJvm variant = jvm("variant", "variant");
        Pid counter = a.spawn("Counter", observer.pid(), 10L);
        String[][] cases = {
            {"deny", "not allowed by the receiving side's SerialAllowlist"},
            {"missing", "io.procmobility.node.procs.Counter"},
            {"variant", "bytecode"},
        };
        long last = nextStep()[1];
        for (String[] expected : cases) {
            NodeJvm to = switch (expected[0]) {
                case "deny" -> deny;
                case "missing" -> missing;
                default -> variant;
            };
            a.migrate(counter, to);
            String outcome = a.outcome(counter);
            assertThat(outcome).startsWith("MIGRATE-FAILED").contains("rejected by node " + to.name).contains(expected[1])
                    .contains("the process goes on at node a");
            for (int i = 0; i < 3; i++) {
                long[] step = nextStep();
                assertThat(step[0]).isEqualTo(a.incarnation);
                assertThat(step[1]).isEqualTo(++last);
            }
        }
    }

    @Test
    void destinationKilledMidMigrationTheProcessResumesAtHomeWithEveryMessage() throws Exception {
        NodeJvm a = jvm("a", "normal");
        NodeJvm stall = jvm("stall", "stall");
        Pid checker = a.spawn("SequenceChecker", 1);
        sendNumbered(checker, 1, 1_000);
        a.migrate(checker, stall);
        stall.expectPrefix("STALLED ");
        sendNumbered(checker, 1_001, 2_000); // these queue at a while the process is frozen
        stall.kill();
        assertThat(a.outcome(checker)).startsWith("MIGRATE-FAILED").contains("connection to node stall was lost");
        sendNumbered(checker, 2_001, 3_000);
        awaitReceivedInOrder(checker, 3_000L);
    }

    @Test
    void originKilledAfterCommitTheProcessLivesOnAtTheDestination() throws Exception {
        NodeJvm a = jvm("a", "normal");
        NodeJvm b = jvm("b", "normal");
        Pid counter = a.spawn("Counter", observer.pid(), 10L);
        nextStep();
        a.migrate(counter, b);
        assertThat(a.outcome(counter)).startsWith("MIGRATED");
        long[] step = firstStepOn(b);
        a.kill();
        long n = step[1];
        for (int i = 0; i < 5; i++) {
            long[] next = nextStep();
            if (next[0] == a.incarnation) {
                continue; // a step a took before it froze, still in flight when it died
            }
            assertThat(next[0]).isEqualTo(b.incarnation);
            assertThat(next[1]).isEqualTo(++n);
        }
    }

    @Test
    void garbageFromAnUnauthenticatedPeerClosesItsConnectionAndTheNodeKeepsServing() throws Exception {
        NodeJvm a = jvm("a", "normal");
        NodeJvm b = jvm("b", "normal");
        Pid counter = a.spawn("Counter", observer.pid(), 10L);
        nextStep();
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        try (Socket raw = new Socket("127.0.0.1", a.port)) {
            raw.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = raw.getOutputStream();
            try {
                out.write(garbage);
                out.flush();
            } catch (java.io.IOException closedWhileWriting) {
                // the node closed on the first bad frame: what we want
            }
            InputStream in = raw.getInputStream();
            try {
                while (in.read() >= 0) {
                    // drain until the node closes the connection
                }
            } catch (java.net.SocketException reset) {
                // closed with a reset: fine too
            }
        }
        a.migrate(counter, b);
        assertThat(a.outcome(counter)).startsWith("MIGRATED");
        assertThat(firstStepOn(b)[1]).isGreaterThan(1L);
    }

    /** Asks the SequenceChecker until it has {@code expected} messages; none may be out of order or repeated. */
    private void awaitReceivedInOrder(Pid checker, long expected) {
        Object[] last = new Object[1];
        try {
            await().atMost(TIMEOUT).until(() -> {
                t.runtime().send(checker, List.of("report", observer.pid()));
                List<Object> report = next();
                last[0] = report;
                assertThat(report.get(2)).as("out-of-order or repeated messages; first: " + report.get(3) + nodeWarnings())
                        .isEqualTo(0L);
                return report.get(1).equals(expected);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("expected " + expected + " messages, last report " + last[0] + nodeWarnings(), e);
        }
    }

    private String nodeWarnings() {
        StringBuilder all = new StringBuilder();
        for (NodeJvm jvm : jvms) {
            all.append("\n--- node ").append(jvm.name).append(" warnings: ").append(jvm.warnings());
            if (jvm.process.isAlive()) {
                jvm.send("stats");
                try {
                    all.append(' ').append(jvm.expectPrefix("STATS"));
                } catch (InterruptedException | AssertionError e) {
                    all.append(" (no stats: ").append(e.getMessage()).append(')');
                }
            }
        }
        return all.toString();
    }

    /** Waits for the counter's first step taken on {@code on} and returns it. */
    private long[] firstStepOn(NodeJvm on) throws InterruptedException {
        long[] step;
        do {
            step = nextStep();
        } while (step[0] != on.incarnation);
        return step;
    }

    private void sendNumbered(Pid to, long from, long through) {
        for (long n = from; n <= through; n++) {
            t.runtime().send(to, List.of(0, n));
        }
    }
}
