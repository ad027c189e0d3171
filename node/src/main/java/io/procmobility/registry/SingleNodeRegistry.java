package io.procmobility.registry;

import io.procmobility.process.Pid;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The registry of a cluster of one node: the same records and rules as a replicated registry
 * ({@link RegistryTable}), held in memory, with no network and no extra dependency. Every write
 * completes before it returns (the future is already done); there is never a membership event.
 */
public final class SingleNodeRegistry implements ClusterRegistry {
    private final String node;
    private final String endpoint;
    private final RegistryTable table = new RegistryTable();
    private volatile boolean closed;

    /** A registry for the cluster made of {@code node} alone, which advertises no endpoint. */
    public SingleNodeRegistry(String node) {
        this(node, null);
    }

    /**
     * A registry for the cluster made of {@code node} alone, whose transport listens on
     * {@code endpoint} ({@code host:port}, or null for none).
     */
    public SingleNodeRegistry(String node, String endpoint) {
        if (node == null || node.isBlank()) {
            throw new IllegalArgumentException("a node name must not be blank");
        }
        this.node = node;
        this.endpoint = endpoint;
    }

    @Override
    public String localNode() {
        return node;
    }

    @Override
    public Set<String> members() {
        return Set.of(node);
    }

    @Override
    public Optional<String> endpoint(String name) {
        return node.equals(name) ? Optional.ofNullable(endpoint) : Optional.empty();
    }

    @Override
    public void addMembershipListener(MembershipListener listener) {
        Objects.requireNonNull(listener, "listener"); // a cluster of one never changes
    }

    @Override
    public void removeMembershipListener(MembershipListener listener) {
        // nothing was kept
    }

    @Override
    public Optional<Location> locate(Pid pid) {
        return table.locate(pid);
    }

    @Override
    public CompletableFuture<Void> claim(Pid pid, String owner, long epoch) {
        return run(() -> {
            table.claim(pid, owner, epoch);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> release(Pid pid, long epoch) {
        return run(() -> {
            table.release(pid, epoch);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> registerName(String name, Pid pid) {
        return run(() -> {
            table.registerName(name, pid, node);
            return null;
        });
    }

    @Override
    public CompletableFuture<Boolean> unregisterName(String name, Pid pid) {
        return run(() -> table.unregisterName(name, pid));
    }

    @Override
    public Optional<Pid> whereis(String name) {
        return table.whereis(name);
    }

    @Override
    public Optional<NodeDown> nodeDown(String name) {
        return table.nodeDown(name);
    }

    private <T> CompletableFuture<T> run(Supplier<T> write) {
        if (closed) {
            return CompletableFuture.failedFuture(new RegistryException("the registry of node " + node + " is closed"));
        }
        try {
            return CompletableFuture.completedFuture(write.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "SingleNodeRegistry[" + node + ", " + table.ownerCount() + " owners, " + table.nameCount() + " names]";
    }
}
