package io.procmobility.benchmarks;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.cluster.jgroups.JGroupsCluster;
import io.procmobility.cluster.jgroups.JGroupsClusterConfig;
import io.procmobility.node.Destination;
import io.procmobility.node.MigrationResult;
import io.procmobility.node.MigrationSettings;
import io.procmobility.node.Node;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.transport.TransportConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Migration latency inside a cluster against plain TCP (issue 5): one small waiting process
 * ({@code workload.Roamer}) moved back and forth between two nodes in this JVM on loopback; one
 * operation is one move, from {@code node.migrate(...)} until the process runs at the destination.
 * <ul>
 *   <li>{@code overTcp}: two nodes without a cluster, {@code Destination.tcp(host, port)}: freeze,
 *       MIGRATE, ACCEPT, COMMIT;
 *   <li>{@code inCluster}: two of three nodes of a JGroups cluster, {@code Destination.node(name)}:
 *       the same, plus the ownership claim the origin commits through Raft (a majority must record
 *       it) between ACCEPT and COMMIT.
 * </ul>
 * Sample mode: JMH reports p50/p90/p99 per benchmark.
 * {@code java -jar benchmarks/target/benchmarks.jar ClusterMigrationBenchmarks -f 1 -wi 3 -w 2s -i 5 -r 2s}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClusterMigrationBenchmarks {
    private static final String COOKIE = "cluster-migration-bench";

    /** Nodes and the process moving between the first two. */
    abstract static class Nodes {
        final List<Node> nodes = new ArrayList<>();
        Pid pid;
        int at;

        abstract Destination destination(Node to);

        void spawnOnFirst() throws Exception {
            InstrumentingLoader loader = (InstrumentingLoader) nodes.get(0).loader();
            MobileProcess roamer = (MobileProcess) loader.loadClass(InstrumentingLoader.WORKLOAD_PACKAGE + "Roamer")
                    .getConstructor().newInstance();
            pid = nodes.get(0).runtime().spawn(roamer).pid();
            // warm the path once each way, connections included
            move();
            move();
        }

        MigrationResult move() {
            Node from = nodes.get(at);
            Node to = nodes.get(1 - at);
            try {
                MigrationResult result = from.migrate(pid, destination(to)).get(30, TimeUnit.SECONDS);
                // The origin's future completes on its decision; the move is over when the process runs there.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!to.runtime().isAlive(pid)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(pid + " committed to node " + to.name() + " but does not run there");
                    }
                    Thread.onSpinWait();
                }
                at = 1 - at;
                return result;
            } catch (Exception e) {
                throw new IllegalStateException("a migration failed in the benchmark", e);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            nodes.parallelStream().forEach(Node::close);
        }
    }

    /** Two nodes, no cluster. */
    @State(Scope.Benchmark)
    public static class Tcp extends Nodes {
        @Setup(Level.Trial)
        public void setUp() throws Exception {
            InstrumentingLoader loader = new InstrumentingLoader(ClusterMigrationBenchmarks.class.getClassLoader());
            for (String name : List.of("a", "b")) {
                nodes.add(Node.start(transport(name, loader), processes()));
            }
            spawnOnFirst();
        }

        @Override
        Destination destination(Node to) {
            return Destination.tcp("127.0.0.1", to.port());
        }
    }

    /** Three nodes of a JGroups cluster; the process moves between the first two. */
    @State(Scope.Benchmark)
    public static class Cluster extends Nodes {
        @Setup(Level.Trial)
        public void setUp() throws Exception {
            InstrumentingLoader loader = new InstrumentingLoader(ClusterMigrationBenchmarks.class.getClassLoader());
            List<String> names = List.of("a", "b", "c");
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                ports.add(freePort());
            }
            String[] seeds = ports.stream().map(p -> "127.0.0.1:" + p).toArray(String[]::new);
            String cluster = "migration-bench-" + Long.toHexString(System.nanoTime());
            String secret = java.util.UUID.randomUUID().toString(); // the cluster secret (TLS + join proof), as in production
            List<CompletableFuture<Node>> starting = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                JGroupsClusterConfig.Builder config = JGroupsClusterConfig.builder(cluster, names.get(i)).members(names)
                        .bindPort(ports.get(i)).seeds(seeds).secret(secret);
                String name = names.get(i);
                starting.add(CompletableFuture.supplyAsync(() -> Node.start(transport(name, loader), processes(),
                        MigrationSettings.defaults(), JGroupsCluster.joining(config))));
            }
            for (CompletableFuture<Node> s : starting) {
                nodes.add(s.get(60, TimeUnit.SECONDS));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!nodes.stream().allMatch(n -> ((JGroupsCluster) n.registry().orElseThrow()).hasQuorum())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no Raft leader after 30 s");
                }
                Thread.sleep(20); // set-up only: waiting for the election, not measured
            }
            spawnOnFirst();
        }

        @Override
        Destination destination(Node to) {
            return Destination.node(to.name());
        }
    }

    @Benchmark
    public MigrationResult overTcp(Tcp tcp) {
        return tcp.move();
    }

    @Benchmark
    public MigrationResult inCluster(Cluster cluster) {
        return cluster.move();
    }

    private static TransportConfig transport(String name, ClassLoader loader) {
        return TransportConfig.builder(name, COOKIE).port(0).classLoader(loader)
                .allowlist(SerialAllowlist.builder().allowPackage(InstrumentingLoader.WORKLOAD_PACKAGE + "**").build()).build();
    }

    private static ProcessRuntimeConfig processes() {
        return ProcessRuntimeConfig.defaults().withCarrierThreads(1);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
