package io.procmobility.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Soak: processes migrate at random between the three nodes of a cluster (each in its own JVM)
 * while senders on every node send each of them numbered messages. At the end every process is
 * found on exactly one node, the registry places it there, and it got every message of every
 * sender exactly once and in order.
 *
 * <p>Sized for CI by default (1,000 processes, 6 senders, 20 s of moves: about 30 s in all).
 * Bigger: {@code -Dsoak.processes=3000 -Dsoak.seconds=100 -Dsoak.sendersPerNode=4} (see the
 * README of this module).
 */
class ClusterSoakTest {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSoakTest.class);
    private static final List<String> NODES = List.of("a", "b", "c");

    private MemberJvms members;
    private Path targets;

    @AfterEach
    void cleanUp() throws Exception {
        if (members != null) {
            members.close();
        }
        if (targets != null) {
            Files.deleteIfExists(targets);
        }
    }

    /** One process's report: where, how many messages, errors, the last number per sender. */
    private record Report(String node, long received, long errors, long[] last, String firstError) {
    }

    @Test
    void processesMovingAtRandomBetweenThreeNodesLoseDuplicateAndReorderNothing() throws Exception {
        int processes = Integer.getInteger("soak.processes", 1000);
        int seconds = Integer.getInteger("soak.seconds", 20);
        int sendersPerNode = Integer.getInteger("soak.sendersPerNode", 2);
        int inflight = Integer.getInteger("soak.inflight", 8);
        long pauseMillis = 500;
        long rounds = seconds * 1000L / pauseMillis;
        int senders = sendersPerNode * NODES.size();
        long started = System.nanoTime();

        members = MemberJvms.start("soak", NODES, "warn", "384m");
        for (MemberJvm jvm : members.all()) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> jvm.ask("quorum", "QUORUM ").startsWith("QUORUM true a,b,c"));
        }
        List<String> all = new ArrayList<>();
        for (int i = 0; i < NODES.size(); i++) {
            MemberJvm jvm = members.all().get(i);
            int count = processes / NODES.size() + (i < processes % NODES.size() ? 1 : 0);
            List<String> pids = Arrays.asList(jvm.ask("tallies " + count + " " + senders, "TALLIES ").substring(8).split(" "));
            all.addAll(pids);
        }
        assertThat(new HashSet<>(all)).hasSize(processes);
        targets = Files.createTempFile("soak-targets", ".txt");
        Files.write(targets, all);

        for (int i = 0; i < NODES.size(); i++) {
            MemberJvm jvm = members.all().get(i);
            jvm.ask("senders " + (i * sendersPerNode) + " " + sendersPerNode + " " + rounds + " " + pauseMillis + " " + senders
                    + " " + targets, "SENDERS ");
        }
        for (MemberJvm jvm : members.all()) {
            jvm.send("churn " + seconds + " " + inflight);
        }
        long moves = 0;
        long refused = 0;
        for (MemberJvm jvm : members.all()) {
            String[] churned = jvm.expect(l -> l.startsWith("CHURNED "), seconds + 60L, TimeUnit.SECONDS).split(" ");
            moves += Long.parseLong(churned[1]);
            refused += Long.parseLong(churned[2]);
        }
        Map<Integer, Long> sent = new HashMap<>();
        for (MemberJvm jvm : members.all()) {
            for (int i = 0; i < sendersPerNode; i++) {
                String[] done = jvm.expect(l -> l.startsWith("SENDER-DONE "), 60, TimeUnit.SECONDS).split(" ");
                sent.put(Integer.parseInt(done[1]), Long.parseLong(done[2]));
            }
        }
        assertThat(sent).hasSize(senders).allSatisfy((id, count) -> assertThat(count).isEqualTo(rounds * processes));

        // Every message sent has arrived once everything settled: ask until the counts are complete.
        Map<String, Report> reports = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            reports.clear();
            reports.putAll(collect());
            assertThat(reports.keySet()).as("every process accounted for").containsExactlyInAnyOrderElementsOf(all);
            assertThat(reports.values()).allSatisfy(r -> assertThat(r.received).isEqualTo(rounds * senders));
        });
        for (Map.Entry<String, Report> e : reports.entrySet()) {
            Report r = e.getValue();
            assertThat(r.errors).as(e.getKey() + " on " + r.node + ": " + r.firstError).isZero();
            assertThat(r.last).as(e.getKey() + " last numbers").containsOnly(rounds);
        }
        for (MemberJvm jvm : members.all()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> jvm.ask("locations", "LOCATIONS ").split(" ")[2].equals("0"));
        }
        Map<String, Long> perNode = new HashMap<>();
        reports.values().forEach(r -> perNode.merge(r.node, 1L, Long::sum));
        LOG.info("soak: {} processes, {} senders x {} rounds = {} messages, {} migrations ({} refused),"
                        + " 0 lost, 0 duplicated, 0 out of order; final spread {}; {} s in all", processes, senders, rounds,
                rounds * senders * processes, moves, refused, perNode, (System.nanoTime() - started) / 1_000_000_000);
        assertThat(moves).as("migrations that committed").isGreaterThan(processes / 10);
    }

    /** Reports from every node; fails when a process is reported twice (it would run on two nodes). */
    private Map<String, Report> collect() throws InterruptedException {
        Map<String, Report> reports = new HashMap<>();
        Set<String> twice = new HashSet<>();
        for (MemberJvm jvm : members.all()) {
            jvm.send("report");
            while (true) {
                String line = jvm.expect(l -> l.startsWith("TALLY ") || l.startsWith("REPORT-END ") || l.startsWith("ERROR "));
                if (!line.startsWith("TALLY ")) {
                    break;
                }
                String[] w = line.split(" ", 6);
                long[] last = Arrays.stream(w[4].split(",")).mapToLong(Long::parseLong).toArray();
                if (reports.put(w[1], new Report(jvm.name, Long.parseLong(w[2]), Long.parseLong(w[3]), last,
                        w.length > 5 ? w[5] : "")) != null) {
                    twice.add(w[1]);
                }
            }
        }
        assertThat(twice).as("processes running on two nodes").isEmpty();
        return reports;
    }
}
