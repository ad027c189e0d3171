package io.procmobility.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connections that never start their TLS handshake (half-open, silent) hold up no member: a member
 * joins while they are open without waiting for them, and each of them is refused and counted once
 * its handshake times out. With handshakes done one after the other (as JGroups accepts), the joiner
 * would wait behind every silent connection, two seconds each.
 */
class SilentConnectionsTest {
    private final List<Socket> silent = new ArrayList<>();
    private TestClusters clusters;

    @AfterEach
    void closeAll() throws IOException {
        for (Socket s : silent) {
            s.close();
        }
        if (clusters != null) {
            clusters.close();
        }
    }

    @Test
    void silentConnectionsDelayNoJoiner() throws Exception {
        clusters = new TestClusters("silent", "a", "b");
        JGroupsCluster a = clusters.start("a");
        int held = HandshakingServerSocket.MAX_PER_ADDRESS - 2;
        for (int i = 0; i < held; i++) {
            silent.add(new Socket(InetAddress.getLoopbackAddress(), clusters.port("a"))); // connects, never speaks
        }
        // b waits up to 5 s for an answer to its discovery: far less than the silent connections would cost in a row.
        JGroupsCluster b = clusters.start("b", config -> config.joinTimeout(Duration.ofSeconds(5)));
        assertThat(b.members()).containsExactlyInAnyOrder("a", "b");
        // One after the other, the silent connections would cost at least held x the handshake timeout (12 s);
        // side by side, b's handshake does not wait for them. Half that bound leaves room for a loaded machine.
        Duration inARow = Duration.ofMillis((long) ClusterSocketFactory.HANDSHAKE_TIMEOUT_MILLIS * held);
        assertThat(b.joinTime()).isLessThan(inARow.dividedBy(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> a.refusedAttempts() >= held);
    }
}
