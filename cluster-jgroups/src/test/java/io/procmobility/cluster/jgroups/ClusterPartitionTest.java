package io.procmobility.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.procmobility.cluster.jgroups.procs.Tally;
import io.procmobility.node.Destination;
import io.procmobility.node.MigrationException;
import io.procmobility.node.Node;
import io.procmobility.process.Down;
import io.procmobility.process.Endpoint;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import io.procmobility.registry.NoQuorumException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three nodes of one cluster in this JVM; one (the Raft leader) is cut off from the others with
 * JGroups' {@code DISCARD} (their TCP transport still works). The minority node cannot commit a
 * migration (the ownership claim finds no quorum: the move is aborted, the process goes on there)
 * nor claim a name; the majority marks it down (nodedown for monitors on its processes) and may
 * take its names. After healing, the registry converges, the minority node gives up a name the
 * majority took meanwhile, and the process is owned and run by exactly one node.
 */
class ClusterPartitionTest {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterPartitionTest.class);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private ClusterNodes nodes;

    @AfterEach
    void closeAll() {
        if (nodes != null) {
            nodes.close();
        }
    }

    private List<Node> runningIt(Pid pid) {
        return nodes.all().stream().filter(n -> n.runtime().isAlive(pid)).toList();
    }

    @Test
    void theMinorityCannotMoveProcessesOrClaimNamesAndAfterHealingOneNodeOwnsEachProcess() throws Exception {
        nodes = ClusterNodes.start("node-partition", "a", "b", "c");
        String minorityName = ClusterNodes.member(nodes.get("a")).leader().orElseThrow();
        Node minority = nodes.get(minorityName);
        List<Node> majority = new ArrayList<>(nodes.all());
        majority.remove(minority);
        Node x = majority.get(0);
        Node y = majority.get(1);

        Pid process = minority.runtime().spawn(new Tally(1)).pid();
        Pid named = minority.runtime().spawn(new Tally(1)).pid();
        minority.runtime().register("svc", named);
        await().atMost(WAIT).until(() -> x.runtime().whereis("svc").equals(Optional.of(named)));
        // x knows where the pid was born (every node records its incarnation in the registry at start).
        await().atMost(WAIT).until(() -> x.locate(process).equals(Optional.of(minorityName)));
        BlockingQueue<Object> seenByX = new LinkedBlockingQueue<>();
        try (Endpoint watcher = x.runtime().openEndpoint(seenByX::add)) {
            watcher.monitor(process);

            long cut = System.nanoTime();
            ClusterNodes.member(minority).faults().isolateFrom(List.of(x.name(), y.name()));
            ClusterNodes.member(x).faults().isolateFrom(List.of(minorityName));
            ClusterNodes.member(y).faults().isolateFrom(List.of(minorityName));
            await().atMost(WAIT).until(() -> minority.members().size() == 1 && x.members().size() == 2 && y.members().size() == 2);
            LOG.info("partition {} | {} {} seen after {} ms", minorityName, x.name(), y.name(), (System.nanoTime() - cut) / 1_000_000);

            // The majority side: the minority's processes are on a node marked down.
            Object down = seenByX.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(down).isInstanceOf(Down.class);
            assertThat(((Down) down).reason()).isEqualTo(ExitReason.NODEDOWN);

            // The minority: a move is accepted over TCP but cannot be committed; the process goes on there.
            assertThatThrownBy(() -> minority.migrate(process, Destination.tcp("127.0.0.1", x.port())).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(MigrationException.class)
                    .hasMessageContaining("the cluster did not record the move (NoQuorumException")
                    .hasMessageContaining("the process goes on at node " + minorityName);
            assertThat(runningIt(process)).containsExactly(minority);
            await().atMost(WAIT).until(() -> x.inDoubt().isEmpty());
            Pid other = minority.runtime().spawn(new Tally(1)).pid();
            assertThatThrownBy(() -> minority.runtime().register("during", other)).isInstanceOf(NoQuorumException.class);

            // The majority releases the minority's names and may take them.
            await().atMost(WAIT).until(() -> x.runtime().whereis("svc").isEmpty());
            Pid taker = y.runtime().spawn(new Tally(1)).pid();
            y.runtime().register("svc", taker);
            Pid duringTaker = x.runtime().spawn(new Tally(1)).pid();
            x.runtime().register("during", duringTaker);
            // The minority still believes its own records (stale reads, never a write).
            assertThat(minority.runtime().whereis("svc")).contains(named);

            long heal = System.nanoTime();
            ClusterNodes.member(minority).faults().heal();
            ClusterNodes.member(x).faults().heal();
            ClusterNodes.member(y).faults().heal();
            await().atMost(WAIT).until(() -> nodes.all().stream().allMatch(n -> n.members().size() == 3));
            LOG.info("merged after {} ms", (System.nanoTime() - heal) / 1_000_000);

            // The registry converges; the minority gives up the name the majority gave away.
            await().atMost(WAIT).until(() -> nodes.all().stream().allMatch(n -> n.runtime().whereis("svc").equals(Optional.of(taker))
                    && n.runtime().whereis("during").equals(Optional.of(duringTaker))));
            LOG.info("names converged after {} ms", (System.nanoTime() - heal) / 1_000_000);
            assertThat(minority.runtime().isAlive(named)).as("it keeps running, unnamed").isTrue();
            assertThat(minority.runtime().registeredNames()).doesNotContainKey("svc");
            await().atMost(WAIT).until(() -> nodes.all().stream().map(n -> n.registry().orElseThrow().locate(process)).distinct().count() == 1);
            assertThat(runningIt(process)).containsExactly(minority);

            // Healed, the minority commits again: the move aborted at epoch 1 was outranked (it went on at 2), so this is 3.
            await().atMost(WAIT).until(() -> ClusterNodes.member(minority).hasQuorum() && minority.registry().orElseThrow()
                    .nodeDown(minorityName).isEmpty());
            assertThat(minority.migrate(process, Destination.node(x.name())).get(30, TimeUnit.SECONDS).epoch()).isEqualTo(3);
            await().atMost(WAIT).until(() -> runningIt(process).equals(List.of(x)));
            await().atMost(WAIT).until(() -> nodes.all().stream().allMatch(n -> n.registry().orElseThrow().locate(process)
                    .map(l -> l.node().equals(x.name()) && l.epoch() == 3).orElse(false)));
        }
    }
}
