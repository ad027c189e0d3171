package io.procmobility.cluster.jgroups;

import java.util.ArrayList;
import java.util.List;
import org.jgroups.protocols.AUTH;
import org.jgroups.protocols.DISCARD;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.NON_BLOCKING_SENDS;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.protocols.raft.ELECTION;
import org.jgroups.protocols.raft.InMemoryLog;
import org.jgroups.protocols.raft.RAFT;
import org.jgroups.protocols.raft.REDIRECT;
import org.jgroups.stack.Protocol;

/**
 * The JGroups protocol stack of a cluster node, built in code (no XML): TCP on the configured
 * address with static discovery (TCPPING), merging after partitions (MERGE3), failure detection tuned
 * for seconds rather than JGroups' default of tens of seconds (a closed transport connection is
 * noticed at once by {@link ClusterTcp}, FD_ALL3 notices a silent member, VERIFY_SUSPECT2
 * double-checks), reliable ordered delivery, group membership with a short join timeout, and Raft on
 * top (ELECTION, RAFT with an in-memory log, REDIRECT so that any member may submit a write), with
 * followers told of commits at once ({@link PromptCommitRaft}).
 *
 * <p><b>Security</b> (with a secret): the transport's only socket speaks TLS 1.3 with mutual
 * authentication under a key derived from the secret ({@link ClusterSocketFactory}), so a peer
 * without it is refused before JGroups parses a byte; {@code AUTH} with {@link SecretProofToken}
 * makes every join and merge prove the secret too. No other socket is opened: no FD_SOCK2 (it
 * listened on a second port with plain, unauthenticated JGroups messages), no diagnostics (a UDP
 * multicast probe socket, on by default in JGroups, that answers and runs operations for anyone).
 *
 * <p>Compared with JGroups' stock {@code tcp.xml}: join timeout 2 s → 0.5 s, FD_ALL3 timeout 40 s →
 * 1.5 s, VERIFY_SUSPECT2 1.5 s → 0.3 s, MERGE3 10–30 s → 0.5–2 s, TCP_NODELAY on (Raft commits are
 * small round trips).
 */
final class ClusterStack {
    /** A built stack and the handles the cluster needs afterwards. */
    record Built(List<Protocol> protocols, ClusterTcp transport, RAFT raft, DISCARD discard) {
    }

    /** How often an idle Raft leader tells followers about new commits and re-sends missing entries. */
    static final long RESEND_INTERVAL_MILLIS = 50;

    private ClusterStack() {
    }

    /**
     * The stack of a member of {@code config}'s cluster; {@code credentials} is null only for a
     * cluster configured {@link JGroupsClusterConfig.Builder#insecureWithoutSecret() without a secret}.
     */
    static Built build(JGroupsClusterConfig config, int bindPort, Suspicions suspicions, String logName,
            ClusterCredentials credentials, RefusalLog refusals) {
        List<Protocol> stack = new ArrayList<>();
        ClusterTcp tcp = new ClusterTcp();
        tcp.setBindAddress(config.bindAddress());
        tcp.setBindPort(bindPort);
        tcp.setPortRange(0); // the configured port or fail: never drift onto another node's port
        tcp.tcpNodelay(true);
        tcp.setSockConnTimeout(1000);
        if (credentials != null) {
            tcp.setSocketFactory(new ClusterSocketFactory(credentials.sslContext(), refusals));
        }
        stack.add(tcp);
        stack.add(SuspectTap.detector(suspicions, "its cluster connection closed (crashed or killed)"));
        stack.add(new NON_BLOCKING_SENDS());

        DISCARD discard = null;
        if (config.faultInjection()) {
            discard = new DISCARD();
            stack.add(discard); // right above the transport: drops everything from an "unreachable" member
        }

        TCPPING ping = new TCPPING();
        ping.setInitialHosts(config.seeds());
        ping.setPortRange(0);
        stack.add(ping);

        long mergeMax = config.mergeInterval().toMillis();
        MERGE3 merge = new MERGE3();
        merge.setMinInterval(Math.max(50, mergeMax / 4));
        merge.setMaxInterval(mergeMax);
        stack.add(merge);

        FD_ALL3 heartbeats = new FD_ALL3();
        heartbeats.setInterval(config.heartbeatInterval().toMillis());
        heartbeats.setTimeout(config.heartbeatTimeout().toMillis());
        stack.add(heartbeats);
        stack.add(SuspectTap.detector(suspicions, "no heartbeat for " + config.heartbeatTimeout().toMillis()
                + " ms (FD_ALL3: hung, crashed or unreachable)"));
        VERIFY_SUSPECT2 verify = new VERIFY_SUSPECT2();
        verify.setTimeout(config.verifySuspectTimeout().toMillis());
        stack.add(verify);
        stack.add(SuspectTap.confirmation(suspicions));

        NAKACK2 nakack = new NAKACK2();
        nakack.useMcastXmit(false);
        nakack.setXmitInterval(200);
        stack.add(nakack);
        UNICAST3 unicast = new UNICAST3();
        unicast.setXmitInterval(200);
        stack.add(unicast);
        STABLE stable = new STABLE();
        stable.setDesiredAverageGossip(5_000);
        stable.setMaxBytes(4_000_000);
        stack.add(stable);
        if (credentials != null) {
            SecretProofToken.register();
            AUTH auth = new AUTH();
            SecretProofToken proof = new SecretProofToken(credentials.joinKey(), config.clusterName(), refusals);
            proof.setAuth(auth);
            auth.setAuthToken(proof);
            auth.setAuthCoord(true); // the coordinator's answers must carry a proof too
            stack.add(auth);
        }
        stack.add(new RejoinTolerantNoDupes()); // refuses a second member with the same Raft id
        GMS gms = new GMS();
        gms.setJoinTimeout(config.joinTimeout().toMillis());
        gms.setLeaveTimeout(1_000);
        gms.setMergeTimeout(2_000);
        gms.setViewAckCollectionTimeout(1_000);
        gms.printLocalAddress(false);
        stack.add(gms);
        stack.add(new UFC());
        stack.add(new MFC());
        stack.add(new FRAG4());

        ELECTION election = new ELECTION();
        election.voteTimeout(300);
        stack.add(election);
        RAFT raft = new PromptCommitRaft();
        raft.raftId(config.nodeName());
        raft.members(config.members());
        raft.logClass(InMemoryLog.class.getName());
        raft.logPrefix(logName); // InMemoryLog keeps logs in a static map by name: unique per instance
        // Followers learn of commits at once (PromptCommitRaft); the resend interval paces re-sending
        // entries to a follower that is catching up. Not send_commits_immediately: see PromptCommitRaft.
        raft.resendInterval(RESEND_INTERVAL_MILLIS);
        stack.add(raft);
        stack.add(new REDIRECT());
        return new Built(stack, tcp, raft, discard);
    }
}
