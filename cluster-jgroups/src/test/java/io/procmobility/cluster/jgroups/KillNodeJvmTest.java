package io.procmobility.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three members in three JVMs; the Raft leader is killed with {@code kill -9}
 * ({@code destroyForcibly}). The survivors detect it (the time is logged; the target on loopback is
 * ≤ 3 s, asserted ≤ 10 s for slow CI machines), elect a new leader, release the dead node's names
 * and keep their own.
 */
class KillNodeJvmTest {
    private static final Logger LOG = LoggerFactory.getLogger(KillNodeJvmTest.class);
    private static final List<String> NODES = List.of("a", "b", "c");

    private final List<ClusterJvm> jvms = new ArrayList<>();

    @AfterEach
    void killAll() throws InterruptedException {
        for (ClusterJvm jvm : jvms) {
            jvm.close();
        }
    }

    @Test
    void aKilledMemberIsDetectedWithinSecondsAndItsNamesAreReleased() throws Exception {
        String cluster = "kill-" + Long.toHexString(System.nanoTime());
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < NODES.size(); i++) {
            ports.add(TestClusters.freePort());
        }
        String seeds = String.join(",", ports.stream().map(p -> "127.0.0.1:" + p).toList());
        for (int i = 0; i < NODES.size(); i++) {
            jvms.add(ClusterJvm.start(cluster, NODES.get(i), NODES, ports.get(i), seeds));
        }
        for (ClusterJvm jvm : jvms) {
            String joined = jvm.await(l -> l.startsWith("JOINED "), 60, TimeUnit.SECONDS);
            LOG.info("node {} (own JVM) joined in {} ms", jvm.node, joined.substring("JOINED ".length()));
        }
        for (ClusterJvm jvm : jvms) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> jvm.ask("status", "STATUS ").startsWith("STATUS true "));
        }
        for (int i = 0; i < jvms.size(); i++) {
            ClusterJvm jvm = jvms.get(i);
            assertThat(jvm.ask("register svc-" + jvm.node + " " + i, "REGISTERED ").trim()).isEqualTo("REGISTERED svc-" + jvm.node);
        }
        String leader = jvms.get(0).ask("status", "STATUS ").split(" ")[2];
        ClusterJvm victim = jvms.stream().filter(j -> j.node.equals(leader)).findFirst().orElseThrow();
        List<ClusterJvm> survivors = jvms.stream().filter(j -> j != victim).toList();
        for (ClusterJvm survivor : survivors) {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !survivor.ask("whereis svc-" + victim.node, "WHEREIS ").endsWith(" none"));
        }

        long killedAt = System.currentTimeMillis();
        victim.kill();

        for (ClusterJvm survivor : survivors) {
            String left = survivor.await(l -> l.startsWith("EVENT LEFT " + victim.node + " "), 30, TimeUnit.SECONDS);
            String[] words = left.split(" ", 6);
            long detectedAfter = Long.parseLong(words[4]) - killedAt;
            LOG.info("node {} detected the kill -9 of {} (the Raft leader) after {} ms: {} ({})", survivor.node, victim.node,
                    detectedAfter, words[3], words[5]);
            assertThat(words[3]).isEqualTo("FAILED");
            assertThat(detectedAfter).as("detection time in ms (target on loopback: <= 3000)").isLessThanOrEqualTo(10_000);
        }
        for (ClusterJvm survivor : survivors) {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> survivor.ask("whereis svc-" + victim.node, "WHEREIS ").endsWith(" none"));
            LOG.info("node {}: the names of {} were released {} ms after the kill", survivor.node, victim.node,
                    System.currentTimeMillis() - killedAt);
            for (ClusterJvm other : survivors) {
                assertThat(survivor.ask("whereis svc-" + other.node, "WHEREIS ")).doesNotEndWith(" none");
            }
            assertThat(survivor.ask("status", "STATUS ")).startsWith("STATUS true ").doesNotContain(" " + victim.node + " ");
        }
        // The survivors still commit: a majority (2 of 3) is up.
        assertThat(survivors.get(0).ask("register after-kill 99", "REGISTERED ").trim()).isEqualTo("REGISTERED after-kill");
    }
}
