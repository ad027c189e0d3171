package io.procmobility.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.procmobility.process.Pid;
import io.procmobility.registry.LeaveReason;
import io.procmobility.registry.Location;
import io.procmobility.registry.NoQuorumException;
import io.procmobility.registry.StaleEpochException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partition simulated in-process (DISCARD): the Raft leader is cut off from the two other
 * members. The minority side can neither claim nor register; the majority elects a new leader,
 * moves a process and releases the minority's names; after healing every replica agrees, and the
 * old owner is fenced.
 */
class PartitionTest {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionTest.class);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private TestClusters clusters;

    @AfterEach
    void closeAll() {
        if (clusters != null) {
            clusters.close();
        }
    }

    @Test
    void theMinorityCannotCommitAndAfterHealingEveryReplicaAgreesOnASingleOwner() throws Exception {
        clusters = new TestClusters("partition", "a", "b", "c");
        clusters.startAll();
        JGroupsCluster any = clusters.get("a");
        await().atMost(WAIT).until(() -> List.of("a", "b", "c").stream().allMatch(n -> clusters.get(n).hasQuorum()));
        String minorityName = any.leader().orElseThrow();
        List<String> majorityNames = new ArrayList<>(List.of("a", "b", "c"));
        majorityNames.remove(minorityName);
        JGroupsCluster minority = clusters.get(minorityName);
        JGroupsCluster m0 = clusters.get(majorityNames.get(0));
        JGroupsCluster m1 = clusters.get(majorityNames.get(1));

        Pid process = new Pid(10, 1);
        Pid minorityService = new Pid(10, 2);
        minority.claim(process, minorityName, 1).get(5, TimeUnit.SECONDS);
        minority.claim(minorityService, minorityName, 0).get(5, TimeUnit.SECONDS);
        minority.registerName("minority-service", minorityService).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> m0.whereis("minority-service").isPresent() && m1.locate(process).isPresent());

        long cut = System.nanoTime();
        minority.faults().isolateFrom(majorityNames);
        m0.faults().isolateFrom(List.of(minorityName));
        m1.faults().isolateFrom(List.of(minorityName));
        await().atMost(WAIT).until(() -> minority.members().size() == 1 && m0.members().size() == 2 && m1.members().size() == 2);
        LOG.info("partition {} | {} seen after {} ms", minorityName, majorityNames, (System.nanoTime() - cut) / 1_000_000);

        // The minority (the old leader) knows it lost its quorum: claims and names fail at once.
        CompletableFuture<Void> claim = minority.claim(process, minorityName, 2);
        assertThat(claim).isCompletedExceptionally();
        assertThatThrownBy(claim::join).hasCauseInstanceOf(NoQuorumException.class)
                .hasMessageContaining("this node lost its quorum")
                .hasMessageContaining("sees members [" + minorityName + "] of the configured [a, b, c] (a write needs 2)");
        CompletableFuture<Void> name = minority.registerName("during-split", new Pid(10, 3));
        assertThat(name).isCompletedExceptionally();
        assertThatThrownBy(name::join).hasCauseInstanceOf(NoQuorumException.class);

        // The majority elects a new leader, moves the process and takes the name.
        await().atMost(WAIT).until(() -> m0.hasQuorum() && m1.hasQuorum());
        assertThat(m0.leader()).isNotEqualTo(minority.leader());
        m0.claim(process, m0.localNode(), 2).get(5, TimeUnit.SECONDS);
        m1.registerName("during-split", new Pid(10, 4)).get(5, TimeUnit.SECONDS);
        // ... and records the minority node down, releasing its names.
        await().atMost(WAIT).until(() -> m0.whereis("minority-service").isEmpty() && m1.whereis("minority-service").isEmpty());
        assertThat(m0.nodeDown(minorityName).orElseThrow().reason()).isEqualTo(LeaveReason.FAILED);
        assertThat(m1.locate(minorityService).orElseThrow().isNodeDown()).isTrue();
        // The minority still reads its last committed state: stale, never a write of its own.
        assertThat(minority.locate(process)).contains(new Location(process, minorityName, 1, null));

        long heal = System.nanoTime();
        minority.faults().heal();
        m0.faults().heal();
        m1.faults().heal();
        await().atMost(WAIT).until(() -> minority.members().size() == 3 && m0.members().size() == 3 && m1.members().size() == 3);
        LOG.info("merged after {} ms", (System.nanoTime() - heal) / 1_000_000);
        Location owner = new Location(process, m0.localNode(), 2, null);
        await().atMost(WAIT).until(() -> minority.locate(process).equals(java.util.Optional.of(owner))
                && m1.locate(process).equals(java.util.Optional.of(owner)));
        await().atMost(WAIT).until(() -> minority.whereis("during-split").equals(java.util.Optional.of(new Pid(10, 4)))
                && minority.whereis("minority-service").isEmpty());
        await().atMost(WAIT).until(() -> m0.nodeDown(minorityName).isEmpty() && minority.nodeDown(minorityName).isEmpty());
        LOG.info("converged after {} ms", (System.nanoTime() - heal) / 1_000_000);

        // The old owner is fenced: its epoch is behind.
        assertThatThrownBy(() -> minority.claim(process, minorityName, 2).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(StaleEpochException.class)
                .hasMessageContaining("owned by node " + m0.localNode() + " at epoch 2");
        // And the healed node writes again.
        minority.registerName("after-heal", new Pid(10, 5)).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> m0.whereis("after-heal").isPresent());
        for (JGroupsCluster member : List.of(minority, m0, m1)) {
            await().atMost(WAIT).until(() -> member.table().ownerCount() == m0.table().ownerCount()
                    && member.table().nameCount() == m0.table().nameCount());
        }
    }

    @Test
    void aWriteWaitingWhenItsMemberLosesQuorumFailsAsSoonAsItKnows() throws Exception {
        clusters = new TestClusters("lost-quorum", "a", "b", "c");
        List<CompletableFuture<JGroupsCluster>> starting = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            // a write timeout far beyond failure detection: a failure before it can only be the quorum loss
            starting.add(CompletableFuture.supplyAsync(() -> clusters.start(name, b -> b.writeTimeout(Duration.ofSeconds(60)))));
        }
        for (CompletableFuture<JGroupsCluster> s : starting) {
            s.get(30, TimeUnit.SECONDS);
        }
        await().atMost(WAIT).until(() -> List.of("a", "b", "c").stream().allMatch(n -> clusters.get(n).hasQuorum()));
        JGroupsCluster leader = clusters.get(clusters.get("a").leader().orElseThrow());
        List<String> others = new ArrayList<>(List.of("a", "b", "c"));
        others.remove(leader.localNode());

        leader.faults().isolateFrom(others);
        for (String other : others) {
            clusters.get(other).faults().isolateFrom(List.of(leader.localNode()));
        }
        CompletableFuture<Void> waiting = leader.claim(new Pid(11, 1), leader.localNode(), 0); // no follower acknowledges it
        assertThatThrownBy(() -> waiting.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(NoQuorumException.class)
                .hasMessageContaining("was not committed: this node lost its quorum");
        assertThat(leader.members()).containsExactly(leader.localNode());
    }
}
