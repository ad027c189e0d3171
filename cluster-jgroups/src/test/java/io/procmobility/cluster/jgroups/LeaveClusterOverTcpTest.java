package io.procmobility.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.procmobility.cluster.jgroups.procs.Tally;
import io.procmobility.node.Destination;
import io.procmobility.node.MigrationResult;
import io.procmobility.node.Node;
import io.procmobility.process.Endpoint;
import io.procmobility.process.Pid;
import io.procmobility.registry.Location;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A process leaves its cluster over plain TCP for a node of another cluster, and comes back into
 * the first one at another node; senders on both sides keep reaching it, every message once and in
 * order. Cluster X: a, b, c; cluster Y: y1, y2 (all in this JVM, same cookie).
 */
class LeaveClusterOverTcpTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private ClusterNodes x;
    private ClusterNodes y;

    @AfterEach
    void closeAll() {
        if (x != null) {
            x.close();
        }
        if (y != null) {
            y.close();
        }
    }

    /** Sends {@code [sender, from..to]} from {@code node}. */
    private static void sendRange(Node node, Pid to, int sender, long from, long last) {
        for (long n = from; n <= last; n++) {
            node.runtime().send(to, List.of(sender, n));
        }
    }

    private static void expectTally(Node asking, Pid tally, long received, List<Long> lasts) {
        BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
        try (Endpoint reply = asking.runtime().openEndpoint(replies::add)) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                asking.runtime().send(tally, List.of("report", reply.pid()));
                List<?> answer = (List<?>) replies.poll(5, TimeUnit.SECONDS);
                assertThat(answer).isNotNull();
                assertThat(answer.subList(2, 6)).isEqualTo(List.of(received, 0L, "", lasts));
            });
        }
    }

    @Test
    void aProcessThatLeftItsClusterOverTcpIsReachedFromBothClustersAndComesBack() throws Exception {
        CompletableFuture<ClusterNodes> startingY = CompletableFuture.supplyAsync(() -> ClusterNodes.start("cluster-y", "y1", "y2"));
        x = ClusterNodes.start("cluster-x", "a", "b", "c");
        y = startingY.get(90, TimeUnit.SECONDS);
        Node a = x.get("a");
        Node b = x.get("b");
        Node c = x.get("c");
        Node y1 = y.get("y1");
        Node y2 = y.get("y2");

        Pid tally = b.runtime().spawn(new Tally(3)).pid();
        await().atMost(WAIT).until(() -> a.locate(tally).isPresent() && c.locate(tally).isPresent());
        sendRange(a, tally, 0, 1, 100);

        // b -> y1 (cluster Y) over TCP: X records b as its gateway; y1 records it in Y.
        MigrationResult out = b.migrate(tally, Destination.tcp("127.0.0.1", y1.port())).get(30, TimeUnit.SECONDS);
        assertThat(out.node()).isEqualTo("y1");
        await().atMost(WAIT).until(() -> a.registry().orElseThrow().locate(tally).map(Location::node).orElse("").equals("b"));
        await().atMost(WAIT).until(() -> y2.registry().orElseThrow().locate(tally).map(Location::node).orElse("").equals("y1"));
        sendRange(a, tally, 0, 101, 200);   // cluster X, through b's forwarding pointer, then straight (redirect)
        sendRange(c, tally, 2, 1, 100);
        sendRange(y2, tally, 1, 1, 100);    // cluster Y, by its own registry
        expectTally(y2, tally, 400, List.of(200L, 100L, 100L));
        expectTally(a, tally, 400, List.of(200L, 100L, 100L));

        // y1 -> a: back into X, at another node than it left from.
        MigrationResult back = y1.migrate(tally, Destination.tcp("127.0.0.1", a.port())).get(30, TimeUnit.SECONDS);
        assertThat(back.node()).isEqualTo("a");
        assertThat(back.epoch()).isEqualTo(2);
        await().atMost(WAIT).until(() -> c.registry().orElseThrow().locate(tally).map(l -> l.node().equals("a") && l.epoch() == 2)
                .orElse(false));
        sendRange(c, tally, 2, 101, 200);
        sendRange(y2, tally, 1, 101, 200);  // Y's record says y1 (its gateway), which forwards
        sendRange(b, tally, 0, 201, 300);
        expectTally(y2, tally, 700, List.of(300L, 200L, 200L));
        assertThat(x.all().stream().filter(n -> n.runtime().isAlive(tally)).toList()).containsExactly(a);
        assertThat(y.all().stream().filter(n -> n.runtime().isAlive(tally)).toList()).isEmpty();
    }
}
