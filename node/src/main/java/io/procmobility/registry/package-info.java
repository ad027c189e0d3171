/**
 * Where processes live and what they are called, cluster-wide: the {@link
 * io.procmobility.registry.ClusterRegistry} SPI that a node consults to route messages to a pid
 * (cheap, local reads), to commit a migration (an owner record claimed with a higher epoch, so a
 * stale owner is fenced) and to register names that are unique in the whole cluster.
 *
 * <p>{@link io.procmobility.registry.SingleNodeRegistry} is the default for a cluster of one (no
 * network, no extra dependency). {@code procmobility-cluster-jgroups} provides a replicated
 * implementation: JGroups membership and failure detection, owner records and names replicated with
 * Raft so that a partition never produces two owners.
 *
 * <p>The rules themselves (what a claim, a release, a name registration or a node going down does
 * to the records) live in one deterministic place, {@link io.procmobility.registry.RegistryTable},
 * shared by every implementation.
 *
 * <h2>How a node uses it</h2>
 * {@code io.procmobility.node.Node} does all of this when started with a registry (or a
 * {@link io.procmobility.registry.RegistryFactory}):
 * <ul>
 *   <li><b>Sending</b>: {@code locate(pid)} on every send to a pid that is not local (a local,
 *       lock-free read); the record wins over what the node learned itself when its epoch is
 *       higher; a location on a node that is down gives a clear error
 *       ({@link io.procmobility.registry.Location#requireNodeUp()}); no record: the pid's birth node
 *       (by its incarnation; each node records its own as the owner of pid {@code <incarnation>.0}
 *       at start). {@code endpoint(node)} says where to connect.
 *   <li><b>Migration commit</b>: after the destination's ACCEPT and before COMMIT, the origin calls
 *       {@code claim(pid, destination, epoch + 1)} (or claims the pid for itself, as a gateway, when
 *       the destination is outside the cluster); COMMIT only once it succeeded; on
 *       {@link io.procmobility.registry.StaleEpochException}, {@link io.procmobility.registry.NoQuorumException}
 *       or {@link io.procmobility.registry.NodeDownException} the migration rolls back.
 *   <li><b>Exit</b>: {@code release(pid, epoch)} (releases its name too) for a process that moved
 *       at least once; a process that never moved has no record.
 *   <li><b>Names</b>: {@code registerName(name, pid)} before the local registration;
 *       {@code whereis(name)} when the name is not local.
 *   <li><b>Failures</b>: a {@link io.procmobility.registry.MembershipEvent.Left} fires the
 *       {@code Down(nodedown)} of monitors (and {@code nodedown} exit signals of links) on
 *       processes of that node.
 * </ul>
 * Writes return futures completed on a registry thread, so none of this blocks a Netty event loop.
 */
package io.procmobility.registry;
