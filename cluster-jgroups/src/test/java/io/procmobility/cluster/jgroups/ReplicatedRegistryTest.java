package io.procmobility.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.procmobility.process.Pid;
import io.procmobility.registry.LeaveReason;
import io.procmobility.registry.Location;
import io.procmobility.registry.NameTakenException;
import io.procmobility.registry.NodeDownException;
import io.procmobility.registry.StaleEpochException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Owner records and names replicated across three members in one JVM. */
class ReplicatedRegistryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TestClusters clusters;
    private JGroupsCluster a;
    private JGroupsCluster b;
    private JGroupsCluster c;

    @BeforeEach
    void startThree() {
        clusters = new TestClusters("registry", "a", "b", "c");
        List<JGroupsCluster> members = clusters.startAll();
        a = members.get(0);
        b = members.get(1);
        c = members.get(2);
        await().atMost(WAIT).until(() -> a.hasQuorum() && b.hasQuorum() && c.hasQuorum());
    }

    @AfterEach
    void closeAll() {
        clusters.close();
    }

    @Test
    void aNameIsVisibleEverywhereAndASecondClaimantIsToldWhoHoldsIt() throws Exception {
        Pid p = new Pid(1, 1);
        Pid q = new Pid(2, 1);
        a.claim(p, "a", 0).get(5, TimeUnit.SECONDS);
        a.registerName("orders", p).get(5, TimeUnit.SECONDS);
        assertThat(a.whereis("orders")).contains(p); // read-your-writes on the writing node
        await().atMost(WAIT).until(() -> b.whereis("orders").isPresent() && c.whereis("orders").isPresent());

        assertThatThrownBy(() -> c.registerName("orders", q).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(NameTakenException.class)
                .hasMessageContaining("the name is held by process " + p + " on node a");
        b.registerName("orders", p).get(5, TimeUnit.SECONDS); // the holder again: harmless

        assertThat(b.unregisterName("orders", q).get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(b.unregisterName("orders", p).get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(b.whereis("orders")).isEmpty();
        c.registerName("orders", q).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> a.whereis("orders").filter(q::equals).isPresent());
    }

    @Test
    void concurrentRegistrationsOfOneNameFromThreeNodesHaveExactlyOneWinner() {
        for (int round = 0; round < 20; round++) {
            String name = "race-" + round;
            List<CompletableFuture<Void>> attempts = new ArrayList<>();
            List<JGroupsCluster> members = List.of(a, b, c);
            for (int i = 0; i < members.size(); i++) {
                attempts.add(members.get(i).registerName(name, new Pid(100 + i, round)));
            }
            int won = 0;
            for (CompletableFuture<Void> attempt : attempts) {
                try {
                    attempt.get(5, TimeUnit.SECONDS);
                    won++;
                } catch (Exception e) {
                    assertThat(e.getCause()).isInstanceOf(NameTakenException.class);
                }
            }
            assertThat(won).as("winners of %s", name).isEqualTo(1);
            await().atMost(WAIT).until(() -> a.whereis(name).isPresent() && b.whereis(name).equals(a.whereis(name))
                    && c.whereis(name).equals(a.whereis(name)));
        }
    }

    @Test
    void aHigherEpochMovesTheOwnerAndTheStaleOwnerIsFenced() throws Exception {
        Pid p = new Pid(7, 7);
        a.claim(p, "a", 0).get(5, TimeUnit.SECONDS);
        b.claim(p, "b", 1).get(5, TimeUnit.SECONDS); // a migration a -> b commits with the next epoch
        assertThat(b.locate(p)).contains(new Location(p, "b", 1, null));

        assertThatThrownBy(() -> a.claim(p, "a", 0).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(StaleEpochException.class)
                .hasMessageContaining("owned by node b at epoch 1");
        assertThatThrownBy(() -> c.claim(p, "c", 1).get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(StaleEpochException.class);
        assertThatThrownBy(() -> a.release(p, 0).get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(StaleEpochException.class);
        b.claim(p, "b", 1).get(5, TimeUnit.SECONDS); // the same claim again: harmless

        for (JGroupsCluster member : List.of(a, b, c)) {
            await().atMost(WAIT).until(() -> member.locate(p).equals(b.locate(p)));
        }
        c.release(p, 1).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> a.locate(p).isEmpty() && b.locate(p).isEmpty() && c.locate(p).isEmpty());
    }

    @Test
    void manyConcurrentClaimsOfOnePidAtOneEpochCommitExactlyOne() {
        Pid p = new Pid(9, 9);
        List<CompletableFuture<Void>> claims = new ArrayList<>();
        claims.add(a.claim(p, "a", 3));
        claims.add(b.claim(p, "b", 3));
        claims.add(c.claim(p, "c", 3));
        long succeeded = claims.stream().filter(f -> {
            try {
                f.get(5, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                assertThat(e.getCause()).isInstanceOf(StaleEpochException.class);
                return false;
            }
        }).count();
        assertThat(succeeded).isEqualTo(1);
        await().atMost(WAIT).until(() -> a.locate(p).isPresent() && a.locate(p).equals(b.locate(p)) && a.locate(p).equals(c.locate(p)));
    }

    @Test
    void aNodeThatLeavesLosesItsNamesItsLocationsSayWhyAndItComesBackUp() throws Exception {
        Pid onC = new Pid(3, 1);
        c.claim(onC, "c", 0).get(5, TimeUnit.SECONDS);
        c.registerName("c-service", onC).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> a.whereis("c-service").isPresent());

        clusters.stop("c");

        await().atMost(WAIT).until(() -> a.whereis("c-service").isEmpty() && b.whereis("c-service").isEmpty());
        Location where = a.locate(onC).orElseThrow();
        assertThat(where.isNodeDown()).isTrue();
        assertThat(where.down().reason()).isEqualTo(LeaveReason.LEFT);
        assertThatThrownBy(where::requireNodeUp).isInstanceOf(NodeDownException.class)
                .hasMessageContaining("lives on node c (epoch 0), which left the cluster at");
        assertThatThrownBy(() -> a.claim(new Pid(3, 2), "c", 0).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(NodeDownException.class);

        JGroupsCluster c2 = clusters.start("c"); // a restart under the same name, with an empty replica
        await().atMost(WAIT).until(() -> a.nodeDown("c").isEmpty() && c2.nodeDown("c").isEmpty());
        await().atMost(WAIT).until(() -> c2.locate(onC).isPresent()); // caught up from the others
        assertThat(c2.locate(onC).orElseThrow().isNodeDown()).isFalse();
        c2.claim(new Pid(3, 2), "c", 0).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aMemberThatRestartsAfterTheLogWasCompactedCatchesUpFromASnapshot() throws Exception {
        for (int i = 0; i < 50; i++) {
            a.registerName("name-" + i, new Pid(50, i)).get(5, TimeUnit.SECONDS);
        }
        a.claim(new Pid(50, 0), "b", 4).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> b.table().nameCount() == 50 && c.table().nameCount() == 50);
        a.snapshot();
        b.snapshot();
        c.snapshot();
        clusters.stop("c");
        JGroupsCluster c2 = clusters.start("c");
        await().atMost(WAIT).until(() -> c2.table().nameCount() == 50);
        assertThat(c2.whereis("name-49")).contains(new Pid(50, 49));
        assertThat(c2.locate(new Pid(50, 0))).contains(new Location(new Pid(50, 0), "b", 4, null));
        c2.registerName("after-snapshot", new Pid(51, 0)).get(5, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> a.whereis("after-snapshot").isPresent());
    }
}
