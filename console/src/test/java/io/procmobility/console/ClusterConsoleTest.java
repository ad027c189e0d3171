package io.procmobility.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.procmobility.cluster.jgroups.JGroupsCluster;
import io.procmobility.cluster.jgroups.JGroupsClusterConfig;
import io.procmobility.node.MigrationSettings;
import io.procmobility.node.Node;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.transport.TransportConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code procmobility node --cluster}: the console joins a JGroups cluster, lists its members and moves a process by node name. */
class ClusterConsoleTest {
    @TempDir
    Path home;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aConsoleNodeJoinsTheClusterListsItsMembersAndMovesACounterByNodeName() throws Exception {
        String cluster = "console-" + Long.toHexString(System.nanoTime());
        int portA = freePort();
        int portT = freePort();
        String seeds = "127.0.0.1:" + portA + ",127.0.0.1:" + portT;
        try (Node a = Node.start(TransportConfig.builder("a", ConsoleRun.COOKIE).port(0)
                        .allowlist(SerialAllowlist.builder().allowPackage(NodeSettings.EXAMPLES_PATTERN).build()).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(2), MigrationSettings.defaults(),
                JGroupsCluster.joining(JGroupsClusterConfig.builder(cluster, "a").members("a", "t").bindPort(portA)
                        .seeds(seeds.split(",")).secret(ConsoleRun.COOKIE)))) {
            ConsoleRun run = ConsoleRun.node(home, """
                    spawn Counter counter
                    nodes
                    send_me counter a
                    whereis counter
                    spawn KvStore counter
                    """, "--cluster", cluster, "--members", "a,t", "--cluster-port", Integer.toString(portT), "--seeds", seeds);
            List<String> results = run.results();
            assertThat(results.get(0)).as(run.toString()).startsWith("joined cluster " + cluster + " as t in ")
                    .endsWith(" of a, t");
            assertThat(results.get(1)).matches("<[0-9a-f]{8}\\.\\d+> registered as counter");
            String pid = results.get(1).split(" ")[0];
            assertThat(results.get(2)).matches("a  member(, connected)?"); // members dial each other as they join
            assertThat(results.get(3)).isEqualTo("t  this node");
            assertThat(results.get(4)).startsWith("moved " + pid + " to a (epoch 1, ");
            assertThat(results.get(5)).isEqualTo(pid);
            assertThat(results.get(6)).startsWith("error: the name 'counter' is taken by " + pid + " on node a");
            Pid moved = a.runtime().whereis("counter").orElseThrow();
            await().atMost(Duration.ofSeconds(10)).until(() -> a.runtime().isAlive(moved));
        }
    }

    @Test
    void clusterOptionsWithoutMembersOrSeedsSayWhatIsMissing() {
        ConsoleRun noMembers = ConsoleRun.node(home, "", "--cluster", "x");
        assertThat(noMembers.status).isEqualTo(1);
        assertThat(noMembers.err).contains("error: --cluster x needs --members: the node names of the cluster, e.g. --members a,b,c");
        ConsoleRun noSeeds = ConsoleRun.node(home, "", "--cluster", "x", "--members", "t,u");
        assertThat(noSeeds.err).contains("error: --cluster x needs --seeds");
        ConsoleRun notAMember = ConsoleRun.node(home, "", "--cluster", "x", "--members", "u,v", "--seeds", "127.0.0.1:7800");
        assertThat(notAMember.err).contains("error: bad cluster settings: node t is not one of the configured members [u, v]");
        ConsoleRun stray = ConsoleRun.node(home, "", "--members", "a,b");
        assertThat(stray.err).contains("error: --members, --seeds and --cluster-insecure belong with --cluster NAME");
        ConsoleRun strayInsecure = ConsoleRun.node(home, "", "--cluster-insecure");
        assertThat(strayInsecure.err).contains("belong with --cluster NAME");
    }
}
