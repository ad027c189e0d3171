package io.procmobility.cluster.jgroups;

import static org.awaitility.Awaitility.await;

import io.procmobility.process.Pid;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScratchDebugTest {
    @Test
    void debug() throws Exception {
        try (TestClusters clusters = new TestClusters("dbg", "a", "b", "c")) {
            List<JGroupsCluster> m = clusters.startAll();
            await().atMost(Duration.ofSeconds(10)).until(() -> m.stream().allMatch(JGroupsCluster::hasQuorum));
            for (JGroupsCluster x : m) {
                System.out.println("DBG " + x.localNode() + " leader=" + x.leader() + " members=" + x.members()
                        + " commit=" + x.raftForTest().commitIndex() + " last=" + x.raftForTest().lastAppended() + " up=" + x.table().nodesUp());
            }
            int i = 0;
            for (JGroupsCluster x : m) {
                long t = System.nanoTime();
                try {
                    x.claim(new Pid(1, i++), x.localNode(), 0).get(5, TimeUnit.SECONDS);
                    System.out.println("DBG claim from " + x.localNode() + " ok in " + (System.nanoTime() - t) / 1000 + " us");
                } catch (Exception e) {
                    System.out.println("DBG claim from " + x.localNode() + " failed: " + e);
                }
                for (JGroupsCluster y : m) {
                    System.out.println("DBG   " + y.localNode() + " commit=" + y.raftForTest().commitIndex() + " last=" + y.raftForTest().lastAppended() + " owners=" + y.table().ownerCount());
                }
            }
        }
    }
}
