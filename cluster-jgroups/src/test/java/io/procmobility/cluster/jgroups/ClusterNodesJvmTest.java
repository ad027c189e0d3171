package io.procmobility.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nodes of one JGroups cluster, each in a JVM of its own ({@link MemberMain}): a process moves by
 * node name, names are unique across nodes, and a node killed with {@code kill -9} is detected:
 * monitors and links on its processes fire {@code nodedown} on the other nodes, its names are
 * released, sends to its processes fail with the reason. Every JVM is killed after the test.
 */
class ClusterNodesJvmTest {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNodesJvmTest.class);
    private static final List<String> NODES = List.of("a", "b", "c");

    private MemberJvms members;

    @AfterEach
    void killAll() throws InterruptedException {
        if (members != null) {
            members.close();
        }
    }

    private void startCluster(String test) throws Exception {
        members = MemberJvms.start(test, NODES, "info", "128m");
        for (MemberJvm jvm : members.all()) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> jvm.ask("quorum", "QUORUM ").startsWith("QUORUM true a,b,c"));
        }
    }

    private static String register(MemberJvm jvm, String name, String pid) throws InterruptedException {
        jvm.send("register " + name + " " + pid);
        return jvm.expect(l -> l.startsWith("REGISTERED ") || l.startsWith("ERROR "));
    }

    @Test
    void aProcessMovesByNodeNameMidLoopAndItsNameIsUniqueAcrossTheCluster() throws Exception {
        startCluster("by-name");
        MemberJvm a = members.get("a");
        MemberJvm b = members.get("b");
        MemberJvm c = members.get("c");

        String ticker = a.ask("ticker ticker 50", "PID ").split(" ")[1];
        assertThat(a.expect(l -> l.startsWith("REGISTERED ") || l.startsWith("ERROR "))).isEqualTo("REGISTERED ticker");
        String other = b.ask("tallies 1 1", "TALLIES ").split(" ")[1];
        assertThat(register(b, "ticker", other))
                .startsWith("ERROR NameTakenException: cannot register 'ticker' for process <")
                .contains("the name is held by process <").contains("on node a");
        await().atMost(Duration.ofSeconds(10)).until(() -> c.ask("whereis ticker", "WHEREIS ").equals("WHEREIS ticker " + ticker));

        // Mid-loop, by node name, from the node it runs on; counting goes on at b with no gap or repeat
        // (it reports each step to an observer on a, which prints TICK <node it runs on> <n>).
        long lastOnA = Long.parseLong(a.expect(l -> l.startsWith("TICK a ")).split(" ")[2]);
        assertThat(a.ask("migrate ticker b", "MIGRATE")).isEqualTo("MIGRATED " + ticker + " b 1");
        String tick;
        while ((tick = a.expect(l -> l.startsWith("TICK "))).startsWith("TICK a ")) {
            long n = Long.parseLong(tick.split(" ")[2]);
            assertThat(n).isEqualTo(lastOnA + 1);
            lastOnA = n;
        }
        assertThat(tick).isEqualTo("TICK b " + (lastOnA + 1));
        for (MemberJvm jvm : members.all()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> jvm.ask("locate " + ticker, "LOCATE ")
                    .equals("LOCATE " + ticker + " b 1 up"));
        }
        // Its name still denotes it everywhere; c reaches it by the registry, without having been told.
        assertThat(c.ask("whereis ticker", "WHEREIS ")).isEqualTo("WHEREIS ticker " + ticker);
        assertThat(c.ask("send " + ticker + " hello-from-c", "SENT")).isEqualTo("SENT");
        assertThat(a.expect(l -> l.startsWith("ECHO "))).isEqualTo("ECHO b hello-from-c");

        // Only where it runs can it be moved; from there, on to c by name.
        assertThat(a.ask("migrate ticker c", "MIGRATE")).startsWith("MIGRATE-FAILED ticker").contains("it lives on node b");
        assertThat(b.ask("migrate ticker c", "MIGRATE")).isEqualTo("MIGRATED " + ticker + " c 2");
        a.expect(l -> l.startsWith("TICK c "));
        assertThat(register(c, "ticker", other)).startsWith("ERROR ");
        assertThat(a.ask("send " + ticker + " hello-from-a", "SENT")).isEqualTo("SENT");
        assertThat(a.expect(l -> l.startsWith("ECHO "))).isEqualTo("ECHO c hello-from-a");
    }

    @Test
    void aNodeKilledWithKill9IsDetectedItsMonitorsFireNodedownItsNamesGoAndSendsFailClearly() throws Exception {
        startCluster("kill");
        MemberJvm a = members.get("a");
        MemberJvm b = members.get("b");
        MemberJvm c = members.get("c");
        // On c: one process born there (named), and one that moved there from a.
        String bornOnC = c.ask("tallies 1 1", "TALLIES ").split(" ")[1];
        assertThat(register(c, "svc-c", bornOnC)).isEqualTo("REGISTERED svc-c");
        String movedToC = a.ask("tallies 1 1", "TALLIES ").split(" ")[1];
        assertThat(a.ask("migrate " + movedToC + " c", "MIGRATE")).isEqualTo("MIGRATED " + movedToC + " c 1");
        for (MemberJvm watcher : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.ask("whereis svc-c", "WHEREIS ").endsWith(bornOnC));
            watcher.ask("monitor " + bornOnC, "MONITORING ");
            watcher.ask("monitor " + movedToC, "MONITORING ");
        }
        b.send("link " + bornOnC);
        b.expect(l -> l.equals("LINKED " + bornOnC));

        long killedAt = c.kill();

        for (MemberJvm survivor : List.of(a, b)) {
            for (String pid : List.of(bornOnC, movedToC)) {
                String down = survivor.expect(l -> l.startsWith("DOWN " + pid + " "));
                String[] words = down.split(" ");
                long after = Long.parseLong(words[3]) - killedAt;
                LOG.info("node {}: monitor on {} fired {} {} ms after the kill -9 of c", survivor.name, pid, words[2], after);
                assertThat(words[2]).isEqualTo("nodedown");
                assertThat(after).as("detection time in ms (target on loopback: <= 3000)").isLessThanOrEqualTo(10_000);
            }
        }
        String exit = b.expect(l -> l.startsWith("EXIT " + bornOnC + " "));
        assertThat(exit.split(" ")[2]).isEqualTo("nodedown");
        for (MemberJvm survivor : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> survivor.ask("whereis svc-c", "WHEREIS ").equals("WHEREIS svc-c none"));
            LOG.info("node {}: the names of c were released {} ms after the kill", survivor.name, System.currentTimeMillis() - killedAt);
            assertThat(survivor.ask("send " + movedToC + " hello", "SEN"))
                    .startsWith("SEND-FAILED NodeDownException: cannot send to process <")
                    .contains("it lives on node c, which was detected as failed at");
            assertThat(survivor.ask("locate " + movedToC, "LOCATE ")).isEqualTo("LOCATE " + movedToC + " c 1 down");
        }
        // A migration to the dead node fails at once, with the reason; the survivors still commit moves.
        String local = a.ask("tallies 1 1", "TALLIES ").split(" ")[1];
        assertThat(a.ask("migrate " + local + " c", "MIGRATE")).startsWith("MIGRATE-FAILED " + local)
                .contains("node c was detected as failed");
        assertThat(a.ask("migrate " + local + " b", "MIGRATE")).isEqualTo("MIGRATED " + local + " b 1");
        await().atMost(Duration.ofSeconds(10)).until(() -> b.ask("alive " + local, "ALIVE ").equals("ALIVE true"));
        assertThat(register(b, "svc-c", local)).isEqualTo("REGISTERED svc-c");
    }
}
