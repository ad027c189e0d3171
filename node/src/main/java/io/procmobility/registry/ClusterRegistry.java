package io.procmobility.registry;

import io.procmobility.process.Pid;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The cluster-wide location and name registry, plus membership: which nodes are up, where each
 * process lives (pid → node and epoch), and which process a name denotes (name → pid).
 *
 * <h2>Reads and writes</h2>
 * Reads ({@link #locate}, {@link #whereis}, {@link #members}, {@link #nodeDown}) answer from this
 * node's local copy: they never block and never touch the network, so a node may call them on every
 * send, from Netty event-loop threads. A local copy may lag the cluster by the time a committed
 * change takes to reach it; a write made through this registry is visible to this node's reads once
 * its future completes (read-your-writes).
 *
 * <p>Writes ({@link #claim}, {@link #release}, {@link #registerName}, {@link #unregisterName})
 * return at once with a future; none of them blocks the calling thread. A replicated
 * implementation completes the future only once a majority of the cluster's configured members
 * agreed on the change; a node that cannot reach a majority (the minority side of a partition)
 * fails it with {@link NoQuorumException} after a bounded time. Futures complete on a thread of the
 * registry: chain cheap work on them, or use the {@code *Async} variants for anything that may block.
 * A write that timed out may still take effect later (its outcome is unknown, as with any
 * distributed commit): read the record again rather than assuming either way.
 *
 * <h2>Fencing</h2>
 * Every owner record carries an epoch that only grows. A migration commits by claiming the pid for
 * the destination with the next epoch; an owner that missed it (it was partitioned away, its
 * transfer timed out) still holds the old epoch, and its claim or release is refused with
 * {@link StaleEpochException}. That is what keeps a process from running on two nodes.
 *
 * <h2>Nodes going down</h2>
 * When a node leaves (cleanly or by failure detection), the registry marks it down: every
 * {@link Location} on it then carries the {@link NodeDown} record (so senders get a clear error
 * instead of waiting for a node that is gone) and every name held by one of its processes is
 * released. When the node comes back into the cluster, it is marked up again.
 */
public interface ClusterRegistry extends AutoCloseable {
    /** The name of the node this registry instance serves. */
    String localNode();

    /** Names of the nodes currently in the cluster as this node sees it (including itself). */
    Set<String> members();

    /**
     * Names of every node configured to be a member, up or not (for error messages: a configured
     * member that is not in {@link #members()} is down, not foreign). By default {@link #members()}.
     */
    default Set<String> configuredMembers() {
        return members();
    }

    /**
     * Where a current member accepts node-to-node connections ({@code host:port} of its transport),
     * as it advertised when it joined — what a node needs to reach another by name. Empty for a node
     * that is not a member now, or that advertised none. Non-blocking.
     */
    Optional<String> endpoint(String node);

    /**
     * Registers a listener told of nodes joining and leaving, in order, on a thread of the registry
     * (never on the caller's thread, never concurrently with itself).
     */
    void addMembershipListener(MembershipListener listener);

    /** Removes a listener added with {@link #addMembershipListener}; no effect if it was not added. */
    void removeMembershipListener(MembershipListener listener);

    /**
     * Where {@code pid} lives according to this node's copy of the records: empty when no node
     * claimed it (never claimed, or released when the process ended). Non-blocking.
     */
    Optional<Location> locate(Pid pid);

    /**
     * Records that {@code pid} lives on {@code node} from {@code epoch} on. Succeeds when there is no
     * record yet, when {@code epoch} is higher than the recorded epoch, or when the record already
     * says exactly this ({@code node}, {@code epoch}) — so a retried claim is harmless.
     *
     * <p>Fails with {@link StaleEpochException} when the recorded epoch is higher, or equal with
     * another node; with {@link NodeDownException} when {@code node} is marked down; with
     * {@link NoQuorumException} when this node cannot reach a majority in time.
     */
    CompletableFuture<Void> claim(Pid pid, String node, long epoch);

    /**
     * Removes the owner record of {@code pid} (its process ended) and releases the name it held.
     * Succeeds when there is no record; fails with {@link StaleEpochException} when the recorded
     * epoch is higher than {@code epoch} (a newer owner exists: the caller is stale).
     */
    CompletableFuture<Void> release(Pid pid, long epoch);

    /**
     * Gives {@code name} to {@code pid}, cluster-wide. Succeeds when the name is free or already
     * held by {@code pid}; fails with {@link NameTakenException} naming the current holder and its
     * node when another pid holds it, and with {@link RegistryException} when {@code pid} already
     * holds another name. The name is released when the pid is {@linkplain #release released} or its
     * node goes down.
     */
    CompletableFuture<Void> registerName(String name, Pid pid);

    /**
     * Releases {@code name} if {@code pid} holds it; the future holds {@code true} when it did.
     * Naming the holder makes a retried unregistration harmless: it can never remove a registration
     * that another process made after this one was released.
     */
    CompletableFuture<Boolean> unregisterName(String name, Pid pid);

    /** The pid registered under {@code name}, from this node's copy. Non-blocking. */
    Optional<Pid> whereis(String name);

    /** Why {@code node} is marked down, or empty when it is up or was never seen. Non-blocking. */
    Optional<NodeDown> nodeDown(String node);

    /**
     * Leaves the cluster cleanly (other nodes see a {@link LeaveReason#LEFT}) and releases every
     * thread and socket. Pending writes fail with {@link RegistryException}. Idempotent.
     */
    @Override
    void close();
}
