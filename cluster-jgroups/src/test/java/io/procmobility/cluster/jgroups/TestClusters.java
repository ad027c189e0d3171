package io.procmobility.cluster.jgroups;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Starts members of one cluster inside this JVM on free loopback ports, and closes every one of
 * them (call {@link #close()} from {@code @AfterEach}).
 */
final class TestClusters implements AutoCloseable {
    private final String clusterName;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, JGroupsCluster> running = new LinkedHashMap<>();
    private final List<JGroupsCluster> all = new ArrayList<>();

    /** A cluster named after the test, with the given member names, each on a free port. */
    TestClusters(String clusterName, String... members) {
        this.clusterName = clusterName + "-" + Long.toHexString(System.nanoTime());
        for (String member : members) {
            ports.put(member, freePort());
        }
    }

    /** A free TCP port on 127.0.0.1 (see {@link FreePorts}). */
    static int freePort() {
        return FreePorts.pick();
    }

    /** The configuration of member {@code name}: tuned for tests, fault injection on. */
    JGroupsClusterConfig.Builder config(String name) {
        return JGroupsClusterConfig.builder(clusterName, name)
                .members(List.copyOf(ports.keySet()))
                .bindPort(ports.get(name))
                .seeds(seeds())
                .secret(TestSecrets.SECRET)
                .writeTimeout(Duration.ofSeconds(3))
                .faultInjection(true);
    }

    String[] seeds() {
        return ports.values().stream().map(p -> "127.0.0.1:" + p).toArray(String[]::new);
    }

    int port(String name) {
        return ports.get(name);
    }

    JGroupsCluster start(String name) {
        return start(name, UnaryOperator.identity());
    }

    JGroupsCluster start(String name, UnaryOperator<JGroupsClusterConfig.Builder> tune) {
        JGroupsCluster member = JGroupsCluster.start(tune.apply(config(name)).build());
        synchronized (this) {
            running.put(name, member);
            all.add(member);
        }
        return member;
    }

    /** Starts every member at once (in parallel, as separate machines would). */
    List<JGroupsCluster> startAll() {
        List<CompletableFuture<JGroupsCluster>> starting = new ArrayList<>();
        for (String name : ports.keySet()) {
            starting.add(CompletableFuture.supplyAsync(() -> start(name)));
        }
        List<JGroupsCluster> members = new ArrayList<>();
        for (CompletableFuture<JGroupsCluster> s : starting) {
            try {
                members.add(s.get(30, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException("a member did not start", e);
            }
        }
        return members;
    }

    synchronized JGroupsCluster get(String name) {
        return running.get(name);
    }

    /** Closes one member (a clean leave). */
    void stop(String name) {
        JGroupsCluster member;
        synchronized (this) {
            member = running.remove(name);
        }
        if (member != null) {
            member.close();
        }
    }

    @Override
    public void close() {
        List<JGroupsCluster> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(all);
            running.clear();
        }
        toClose.parallelStream().forEach(JGroupsCluster::close);
    }
}
