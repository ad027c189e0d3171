package io.procmobility.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.procmobility.registry.LeaveReason;
import io.procmobility.registry.MembershipEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Three members in one JVM: joining, seeing each other, leaving cleanly. */
class MembershipTest {
    private static final Logger LOG = LoggerFactory.getLogger(MembershipTest.class);

    private TestClusters clusters;

    @AfterEach
    void closeAll() {
        if (clusters != null) {
            clusters.close();
        }
    }

    @Test
    void threeMembersJoinSeeEachOtherElectALeaderAndLeaveCleanly() throws Exception {
        clusters = new TestClusters("membership", "a", "b", "c");
        JGroupsCluster a = clusters.start("a");
        LOG.info("first member joined in {} ms", a.joinTime().toMillis());
        JGroupsCluster b = clusters.start("b");
        JGroupsCluster c = clusters.start("c");
        LOG.info("second and third members joined in {} ms and {} ms", b.joinTime().toMillis(), c.joinTime().toMillis());

        for (JGroupsCluster member : List.of(a, b, c)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> member.members().size() == 3);
            assertThat(member.members()).containsExactlyInAnyOrder("a", "b", "c");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> a.hasQuorum() && b.hasQuorum() && c.hasQuorum());
        assertThat(a.leader()).isEqualTo(b.leader()).isEqualTo(c.leader());
        assertThat(a.joinTime()).isLessThan(Duration.ofSeconds(5));

        BlockingQueue<MembershipEvent> seenByA = new LinkedBlockingQueue<>();
        a.addMembershipListener(seenByA::add);
        clusters.stop("c");
        MembershipEvent event = seenByA.poll(10, TimeUnit.SECONDS);
        assertThat(event).isInstanceOf(MembershipEvent.Left.class);
        MembershipEvent.Left left = (MembershipEvent.Left) event;
        assertThat(left.node()).isEqualTo("c");
        assertThat(left.reason()).isEqualTo(LeaveReason.LEFT);
        assertThat(left.members()).containsExactlyInAnyOrder("a", "b");
        await().atMost(Duration.ofSeconds(10)).until(() -> b.members().size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> a.nodeDown("c").isPresent());
        assertThat(a.nodeDown("c").orElseThrow().reason()).isEqualTo(LeaveReason.LEFT);
    }

    @Test
    void membersSeeTheEndpointsTheOthersAdvertise() {
        clusters = new TestClusters("endpoints", "a", "b", "c");
        JGroupsCluster a = clusters.start("a", x -> x.endpoint("127.0.0.1:1805"));
        JGroupsCluster b = clusters.start("b", x -> x.endpoint("localhost:1806"));
        JGroupsCluster c = clusters.start("c"); // advertises none
        await().atMost(Duration.ofSeconds(10)).until(() -> c.members().size() == 3 && a.members().size() == 3);
        assertThat(c.endpoint("a")).contains("127.0.0.1:1805");
        assertThat(c.endpoint("b")).contains("localhost:1806");
        assertThat(a.endpoint("b")).contains("localhost:1806");
        assertThat(a.endpoint("c")).isEmpty();
        assertThat(a.endpoint("a")).contains("127.0.0.1:1805");
        clusters.stop("b");
        await().atMost(Duration.ofSeconds(10)).until(() -> a.endpoint("b").isEmpty());
    }
}
