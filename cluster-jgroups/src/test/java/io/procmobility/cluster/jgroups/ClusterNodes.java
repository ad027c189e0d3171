package io.procmobility.cluster.jgroups;

import io.procmobility.node.MigrationSettings;
import io.procmobility.node.Node;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.transport.TransportConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Nodes of one JGroups cluster inside this JVM (each with its own transport on a free port and its
 * own cluster member, fault injection on), started in parallel; {@link #close()} closes them all.
 */
final class ClusterNodes implements AutoCloseable {
    static final String COOKIE = "cluster-node-tests";

    private final TestClusters clusters;
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    private ClusterNodes(TestClusters clusters) {
        this.clusters = clusters;
    }

    /** Starts nodes {@code names} of a new cluster and waits until every one sees a quorum. */
    static ClusterNodes start(String test, String... names) {
        return start(test, List.of(names), names);
    }

    /** Starts nodes {@code names} of a new cluster configured with {@code members} (the others stay down). */
    static ClusterNodes start(String test, List<String> members, String... names) {
        ClusterNodes started = new ClusterNodes(new TestClusters(test, members.toArray(String[]::new)));
        try {
            List<CompletableFuture<Node>> starting = new ArrayList<>();
            for (String name : names) {
                starting.add(CompletableFuture.supplyAsync(() -> started.startNode(name)));
            }
            for (CompletableFuture<Node> s : starting) {
                Node node = s.get(60, TimeUnit.SECONDS);
                synchronized (started.nodes) {
                    started.nodes.put(node.name(), node);
                }
            }
            for (Node node : started.nodes.values()) {
                JGroupsCluster member = member(node);
                org.awaitility.Awaitility.await("node " + node.name() + " in a cluster of " + names.length + " with a quorum")
                        .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> member.hasQuorum() && member.members().size() == names.length);
            }
            return started;
        } catch (Exception | AssertionError e) {
            started.close();
            throw new IllegalStateException("the cluster of " + List.of(names) + " did not start", e);
        }
    }

    private Node startNode(String name) {
        return Node.start(TransportConfig.builder(name, COOKIE).port(0)
                        .allowlist(SerialAllowlist.builder().allowPackage(MemberMain.PROCS + ".**").build()).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(2),
                MigrationSettings.defaults().withAcceptTimeout(Duration.ofSeconds(10)),
                JGroupsCluster.joining(clusters.config(name)));
    }

    Node get(String name) {
        return nodes.get(name);
    }

    List<Node> all() {
        return List.copyOf(nodes.values());
    }

    /** The JGroups member of {@code node}. */
    static JGroupsCluster member(Node node) {
        return (JGroupsCluster) node.registry().orElseThrow();
    }

    @Override
    public void close() {
        List<Node> toClose;
        synchronized (nodes) {
            toClose = new ArrayList<>(nodes.values());
        }
        toClose.parallelStream().forEach(Node::close);
        clusters.close();
    }
}
