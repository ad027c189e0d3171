package io.procmobility.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.procmobility.process.Pid;
import io.procmobility.registry.NoQuorumException;
import io.procmobility.registry.RegistryException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Configuration errors, start-up failures, a lone member, and what close() leaves behind. */
class StartAndConfigTest {
    @Test
    void configurationErrorsSayWhatIsWrongAndHowToFixIt() {
        assertThatThrownBy(() -> JGroupsClusterConfig.builder("shop", "a").seeds("127.0.0.1:7800").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no members configured")
                .hasMessageContaining(".members(\"a\", \"b\", \"c\")");
        assertThatThrownBy(() -> JGroupsClusterConfig.builder("shop", "d").members("a", "b").seeds("127.0.0.1:7800").build())
                .hasMessage("node d is not one of the configured members [a, b]; add it, or start the node under one of those names");
        assertThatThrownBy(() -> JGroupsClusterConfig.builder("shop", "a").members("a", "b").build())
                .hasMessageContaining("no seeds configured");
        assertThatThrownBy(() -> JGroupsClusterConfig.builder("shop", "a").seeds("localhost"))
                .hasMessage("bad seed 'localhost': expected host:port, e.g. 127.0.0.1:7800");
        assertThatThrownBy(() -> JGroupsClusterConfig.builder("shop", "a").seeds("localhost:x"))
                .hasMessageContaining("the port must be a number");
        assertThatThrownBy(() -> JGroupsClusterConfig.builder("shop", "a").members("a", "a"))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> JGroupsClusterConfig.builder("shop", "a").bindPort(70000))
                .hasMessageContaining("not a TCP port");
        assertThatThrownBy(() -> JGroupsClusterConfig.builder("shop", "a").members("a", "b").seeds("127.0.0.1:1")
                .heartbeatInterval(Duration.ofSeconds(1)).heartbeatTimeout(Duration.ofMillis(1500)).build())
                .hasMessageContaining("at least twice the heartbeat interval");
        assertThatThrownBy(() -> JGroupsClusterConfig.builder(" ", "a")).hasMessageContaining("cluster name");

        assertThatThrownBy(() -> JGroupsClusterConfig.builder("shop", "a").members("a", "b").seeds("127.0.0.1:1").build())
                .hasMessageContaining("no cluster secret").hasMessageContaining(".secret(cookie)")
                .hasMessageContaining(".insecureWithoutSecret()");
        assertThatThrownBy(() -> JGroupsClusterConfig.builder("shop", "a").secret("short"))
                .hasMessageContaining("at least 16 characters, not 5");
        assertThat(JGroupsClusterConfig.builder("shop", "a").members("a").insecureWithoutSecret().build().secured()).isFalse();

        JGroupsClusterConfig config = JGroupsClusterConfig.builder("shop", "a").members("a", "b", "c")
                .seeds("127.0.0.1:7800", "127.0.0.1:7801").secret(TestSecrets.SECRET).build();
        assertThat(config.secured()).isTrue();
        assertThat(config.toString()).doesNotContain(TestSecrets.SECRET).contains("TLS with the cluster secret");
        assertThat(config.majority()).isEqualTo(2);
        assertThat(config.bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(config.bindPort()).isZero();
    }

    @Test
    void aTakenPortFailsTheStartWithTheAddressAndLeavesNoThreads() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            JGroupsClusterConfig config = JGroupsClusterConfig.builder("taken-" + System.nanoTime(), "a").members("a")
                    .bindPort(taken.getLocalPort()).secret(TestSecrets.SECRET).build();
            assertThatThrownBy(() -> JGroupsCluster.start(config))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("node a could not join cluster")
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("is the port taken by another process?");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ourThreads("a") == 0);
    }

    @Test
    void aLoneMemberOfThreeCannotWriteAndSaysWhyAndClosingLeavesNoThreads() throws Exception {
        TestClusters clusters = new TestClusters("lone", "a", "b", "c");
        JGroupsCluster a = clusters.start("a", b -> b.writeTimeout(Duration.ofMillis(800)).joinTimeout(Duration.ofMillis(200)));
        try {
            assertThat(a.members()).containsExactly("a");
            assertThat(a.hasQuorum()).isFalse();
            assertThat(a.address().getPort()).isEqualTo(clusters.port("a"));
            assertThatThrownBy(() -> a.registerName("x", new Pid(1, 1)).get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(NoQuorumException.class)
                    .hasMessageContaining("node a: the registration of 'x' for <00000000.1> could not be committed within 800 ms")
                    .hasMessageContaining("node a sees members [a] of the configured [a, b, c] (a write needs 2), Raft leader: none");
            assertThatThrownBy(() -> a.faults().isolateFrom(java.util.List.of("zz")))
                    .hasMessageContaining("never saw that node in a view");
            assertThat(ourThreads("a")).isPositive();
        } finally {
            clusters.close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ourThreads("a") == 0);
        assertThatThrownBy(() -> a.claim(new Pid(1, 2), "a", 0).join()).hasCauseInstanceOf(RegistryException.class)
                .hasMessageContaining("the registry is closed");
    }

    @Test
    void membersWithoutASecretFormAClusterOnlyWhenToldSoExplicitly() throws Exception {
        try (TestClusters clusters = new TestClusters("insecure", "a", "b")) {
            JGroupsCluster a = clusters.start("a", c -> c.insecureWithoutSecret());
            JGroupsCluster b = clusters.start("b", c -> c.insecureWithoutSecret());
            assertThat(a.config().secured()).isFalse();
            await().atMost(Duration.ofSeconds(10)).until(() -> a.members().size() == 2 && b.hasQuorum());
            b.registerName("plain", new Pid(8, 1)).get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> a.whereis("plain").isPresent());
        }
    }

    @Test
    void aSingleMemberClusterWritesAlone() throws Exception {
        JGroupsClusterConfig config = JGroupsClusterConfig.builder("solo-" + System.nanoTime(), "solo").members("solo")
                .joinTimeout(Duration.ofMillis(100)).secret(TestSecrets.SECRET).build();
        try (JGroupsCluster solo = JGroupsCluster.start(config)) {
            await().atMost(Duration.ofSeconds(10)).until(solo::hasQuorum);
            solo.claim(new Pid(5, 5), "solo", 0).get(5, TimeUnit.SECONDS);
            assertThat(solo.locate(new Pid(5, 5))).isPresent();
            assertThatThrownBy(solo::faults).isInstanceOf(IllegalStateException.class).hasMessageContaining(".faultInjection(true)");
        }
    }

    @Test
    void aMemberOnAFreePortChosenAtStartJoinsThroughTheOthersSeeds() throws Exception {
        try (TestClusters clusters = new TestClusters("ephemeral", "a", "b", "c")) {
            String[] seedsOfAAndB = {"127.0.0.1:" + clusters.port("a"), "127.0.0.1:" + clusters.port("b")};
            JGroupsCluster a = clusters.start("a", b -> b.seeds(seedsOfAAndB));
            JGroupsCluster b = clusters.start("b", x -> x.seeds(seedsOfAAndB));
            JGroupsCluster c = clusters.start("c", x -> x.seeds(seedsOfAAndB).bindPort(0));
            assertThat(c.address().getPort()).isPositive().isNotEqualTo(clusters.port("c"));
            await().atMost(Duration.ofSeconds(10)).until(() -> a.members().size() == 3 && c.hasQuorum());
            c.registerName("from-c", new Pid(7, 1)).get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> a.whereis("from-c").isPresent() && b.whereis("from-c").isPresent());
        }
    }

    @Test
    void aMemberClosedFromItsOwnCallbackClosesWithoutWaitingForItself() throws Exception {
        JGroupsClusterConfig config = JGroupsClusterConfig.builder("self-close-" + System.nanoTime(), "solo").members("solo")
                .joinTimeout(Duration.ofMillis(100)).secret(TestSecrets.SECRET).build();
        JGroupsCluster solo = JGroupsCluster.start(config);
        await().atMost(Duration.ofSeconds(10)).until(solo::hasQuorum);
        long started = System.nanoTime();
        solo.claim(new Pid(6, 6), "solo", 0).thenRun(solo::close).get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> ourThreads("solo") == 0);
    }

    private static long ourThreads(String node) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("procmobility-cluster-" + node + "-")).count();
    }
}
