package io.procmobility.benchmarks;

import io.procmobility.cluster.jgroups.JGroupsCluster;
import io.procmobility.cluster.jgroups.JGroupsClusterConfig;
import io.procmobility.process.Pid;
import io.procmobility.registry.Location;
import io.procmobility.registry.SingleNodeRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cluster registry (issue 5, "registry lookup and update cost"): three {@link JGroupsCluster}
 * members in this JVM on loopback. {@code locate}/{@code whereis} read a member's local replica
 * (what a node does on every send); {@code claimOn*} commit one owner record through Raft and wait
 * until the submitting member applied it (one migration commit), from the leader and from a
 * follower (which forwards to the leader, then learns of the commit from the leader's next message);
 * {@code claimPipelined} keeps {@value #PIPELINE} claims in flight. {@code singleNode*} is the
 * in-memory {@link SingleNodeRegistry} doing the same, as the floor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RegistryBenchmarks {
    /** Owner records and names in the registry during the run. */
    public static final int RECORDS = 1024;
    /** Claims in flight in {@link #claimPipelined}. */
    public static final int PIPELINE = 100;

    /** Three members of one cluster, each with {@value #RECORDS} owner records and names. */
    @State(Scope.Benchmark)
    public static class Cluster {
        final List<JGroupsCluster> members = new ArrayList<>();
        final Pid[] pids = new Pid[RECORDS];
        final String[] names = new String[RECORDS];
        JGroupsCluster leader;
        JGroupsCluster follower;
        SingleNodeRegistry single;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            List<String> nodes = List.of("a", "b", "c");
            List<String> seeds = new ArrayList<>();
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                ports.add(freePort());
                seeds.add("127.0.0.1:" + ports.get(i));
            }
            String cluster = "bench-" + Long.toHexString(System.nanoTime());
            String secret = java.util.UUID.randomUUID().toString(); // the cluster secret (TLS + join proof), as in production
            List<CompletableFuture<JGroupsCluster>> starting = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                JGroupsClusterConfig config = JGroupsClusterConfig.builder(cluster, nodes.get(i)).members(nodes)
                        .bindPort(ports.get(i)).seeds(seeds.toArray(String[]::new)).secret(secret).build();
                starting.add(CompletableFuture.supplyAsync(() -> JGroupsCluster.start(config)));
            }
            for (CompletableFuture<JGroupsCluster> s : starting) {
                members.add(s.get(60, TimeUnit.SECONDS));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!members.stream().allMatch(JGroupsCluster::hasQuorum)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no Raft leader after 30 s: " + members);
                }
                Thread.sleep(20); // set-up only: waiting for the election, not measured
            }
            String leaderName = members.get(0).leader().orElseThrow();
            leader = members.stream().filter(m -> m.localNode().equals(leaderName)).findFirst().orElseThrow();
            follower = members.stream().filter(m -> m != leader).findFirst().orElseThrow();
            single = new SingleNodeRegistry("solo");
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                pids[i] = new Pid(0x5eed, i);
                names[i] = "service-" + i;
                writes.add(leader.claim(pids[i], leader.localNode(), 0));
                writes.add(leader.registerName(names[i], pids[i]));
                single.claim(pids[i], "solo", 0).join();
                single.registerName(names[i], pids[i]).join();
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            while (members.stream().anyMatch(m -> m.whereis(names[RECORDS - 1]).isEmpty())) {
                Thread.sleep(10); // set-up only: every replica has every record
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            members.parallelStream().forEach(JGroupsCluster::close);
            single.close();
        }
    }

    /** Per-thread position and epochs (each claim raises the epoch of the thread's own pid). */
    @State(Scope.Thread)
    public static class Cursor {
        private static final java.util.concurrent.atomic.AtomicLong THREADS = new java.util.concurrent.atomic.AtomicLong();
        final Pid own = new Pid(0xc1a1, THREADS.incrementAndGet());
        int next;
        long epoch;
    }

    @Benchmark
    public Optional<Location> locate(Cluster cluster, Cursor cursor) {
        return cluster.follower.locate(cluster.pids[cursor.next++ & (RECORDS - 1)]);
    }

    @Benchmark
    public Optional<Pid> whereis(Cluster cluster, Cursor cursor) {
        return cluster.follower.whereis(cluster.names[cursor.next++ & (RECORDS - 1)]);
    }

    @Benchmark
    public Optional<Location> singleNodeLocate(Cluster cluster, Cursor cursor) {
        return cluster.single.locate(cluster.pids[cursor.next++ & (RECORDS - 1)]);
    }

    @Benchmark
    public void claimOnLeader(Cluster cluster, Cursor cursor) {
        cluster.leader.claim(cursor.own, cluster.leader.localNode(), ++cursor.epoch).join();
    }

    @Benchmark
    public void claimOnFollower(Cluster cluster, Cursor cursor) {
        cluster.follower.claim(cursor.own, cluster.follower.localNode(), ++cursor.epoch).join();
    }

    @Benchmark
    @OperationsPerInvocation(PIPELINE)
    public void claimPipelined(Cluster cluster, Cursor cursor) {
        CompletableFuture<?>[] inFlight = new CompletableFuture<?>[PIPELINE];
        for (int i = 0; i < PIPELINE; i++) {
            inFlight[i] = cluster.leader.claim(cluster.pids[i], cluster.leader.localNode(), ++cursor.epoch);
        }
        CompletableFuture.allOf(inFlight).join();
    }

    @Benchmark
    public void singleNodeClaim(Cluster cluster, Cursor cursor) {
        cluster.single.claim(cursor.own, "solo", ++cursor.epoch).join();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
