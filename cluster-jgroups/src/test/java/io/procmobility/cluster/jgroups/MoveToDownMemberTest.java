package io.procmobility.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmobility.cluster.jgroups.procs.Ticker;
import io.procmobility.node.Destination;
import io.procmobility.node.Node;
import io.procmobility.process.Endpoint;
import io.procmobility.process.Pid;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 5: a move to a configured member that is down says that it is down (not that it is
 * a node of another cluster), and the process stays where it was.
 */
class MoveToDownMemberTest {
    @Test
    void aMoveToAConfiguredMemberThatIsDownSaysSo() throws Exception {
        try (ClusterNodes nodes = ClusterNodes.start("down-member", List.of("a", "b", "c"), "a", "b")) {
            Node a = nodes.get("a");
            Endpoint observer = a.runtime().openEndpoint(message -> { });
            Pid ticker = a.runtime().spawn(new Ticker(observer.pid(), 50)).pid();
            assertThatThrownBy(() -> a.migrate(ticker, Destination.node("c")).get(30, TimeUnit.SECONDS))
                    .hasMessageContaining("node c is down: it is a configured member of the cluster of node a")
                    .hasMessageContaining("members up: [a, b]")
                    .hasMessageNotContaining("another cluster");
            assertThat(a.runtime().isAlive(ticker)).isTrue();
        }
    }
}
