package io.procmobility.node;

import io.procmobility.process.Pid;
import io.procmobility.registry.ClusterRegistry;
import io.procmobility.registry.LeaveReason;
import io.procmobility.registry.Location;
import io.procmobility.registry.MembershipEvent;
import io.procmobility.registry.MembershipListener;
import io.procmobility.registry.NoQuorumException;
import io.procmobility.registry.NodeDown;
import io.procmobility.registry.RegistryFactory;
import io.procmobility.registry.RegistryTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A cluster registry shared by nodes in one JVM, for fast tests of the node's cluster behaviour:
 * one {@link RegistryTable}, writes applied on a registry thread (like a replicated registry, their
 * futures complete there), membership changed by the test ({@link #fail}, a node's {@code close()}),
 * and a switch that makes a node's writes fail as on the minority side of a partition.
 */
final class FakeCluster implements AutoCloseable {
    private final RegistryTable table = new RegistryTable();
    private final Map<String, View> members = new ConcurrentHashMap<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-cluster-events");
        t.setDaemon(true);
        return t;
    });
    private long version;

    /** Joins a node with the endpoint it listens on (what {@code Node.start} calls). */
    RegistryFactory factory() {
        return this::join;
    }

    private synchronized View join(String node, String endpoint) {
        View view = new View(node, endpoint);
        table.nodeUp(node, ++version);
        members.put(node, view);
        tell(node, others -> new MembershipEvent.Joined(node, others, Instant.now()));
        return view;
    }

    /** Failure detection removed {@code node} (as after a kill -9): the others see {@code Left(FAILED)}. */
    synchronized void fail(String node) {
        leave(node, LeaveReason.FAILED, "failed by the test");
    }

    /** {@code node} will die without a word: its registry's {@code close()} announces nothing (as after a kill -9). */
    void crashing(String node) {
        members.get(node).crashing = true;
    }

    /** Writes from {@code node} fail with {@link NoQuorumException} (it is cut off) until called with false. */
    void cutOff(String node, boolean cut) {
        members.get(node).cutOff = cut;
    }

    /** The shared records (what every replica would converge to). */
    Optional<Location> locate(Pid pid) {
        return table.locate(pid);
    }

    private synchronized void leave(String node, LeaveReason reason, String detail) {
        if (members.remove(node) == null) {
            return;
        }
        table.nodeDown(new NodeDown(node, reason, detail, Instant.now()), ++version);
        tell(node, others -> new MembershipEvent.Left(node, reason, detail, others, Instant.now()));
    }

    private void tell(String about, java.util.function.Function<Set<String>, MembershipEvent> event) {
        Set<String> now = Set.copyOf(members.keySet());
        MembershipEvent e = event.apply(now);
        for (View view : members.values()) {
            if (!view.node.equals(about)) {
                List<MembershipListener> listeners = List.copyOf(view.listeners);
                events.execute(() -> listeners.forEach(l -> l.onMembershipEvent(e)));
            }
        }
    }

    @Override
    public void close() {
        events.shutdownNow();
    }

    /** One node's registry. */
    final class View implements ClusterRegistry {
        final String node;
        final String endpoint;
        final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();
        volatile boolean cutOff;
        volatile boolean crashing;

        View(String node, String endpoint) {
            this.node = node;
            this.endpoint = endpoint;
        }

        @Override
        public String localNode() {
            return node;
        }

        @Override
        public Set<String> members() {
            return new TreeSet<>(members.keySet());
        }

        @Override
        public Optional<String> endpoint(String other) {
            View view = members.get(other);
            return view == null ? Optional.empty() : Optional.ofNullable(view.endpoint);
        }

        @Override
        public void addMembershipListener(MembershipListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeMembershipListener(MembershipListener listener) {
            listeners.remove(listener);
        }

        @Override
        public Optional<Location> locate(Pid pid) {
            return table.locate(pid);
        }

        @Override
        public CompletableFuture<Void> claim(Pid pid, String owner, long epoch) {
            return write(() -> {
                table.claim(pid, owner, epoch);
                return null;
            });
        }

        @Override
        public CompletableFuture<Void> release(Pid pid, long epoch) {
            return write(() -> {
                table.release(pid, epoch);
                return null;
            });
        }

        @Override
        public CompletableFuture<Void> registerName(String name, Pid pid) {
            return write(() -> {
                table.registerName(name, pid, node);
                return null;
            });
        }

        @Override
        public CompletableFuture<Boolean> unregisterName(String name, Pid pid) {
            return write(() -> table.unregisterName(name, pid));
        }

        @Override
        public Optional<Pid> whereis(String name) {
            return table.whereis(name);
        }

        @Override
        public Optional<NodeDown> nodeDown(String other) {
            return table.nodeDown(other);
        }

        private <T> CompletableFuture<T> write(Supplier<T> change) {
            CompletableFuture<T> result = new CompletableFuture<>();
            boolean cut = cutOff;
            events.execute(() -> {
                if (cut) {
                    result.completeExceptionally(new NoQuorumException("node " + node + " is cut off (test)"));
                    return;
                }
                try {
                    result.complete(change.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
            return result;
        }

        @Override
        public void close() {
            if (!crashing) {
                leave(node, LeaveReason.LEFT, "closed");
            }
        }
    }
}
