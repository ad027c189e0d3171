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
 * <h2>How a node is meant to use it</h2>
 * <ul>
 *   <li><b>Sending</b>: {@code locate(pid)} on every send to a pid that is not local (a local,
 *       lock-free read); a location on a node that is down gives a clear error
 *       ({@link io.procmobility.registry.Location#requireNodeUp()}); no record: the pid's birth node
 *       (by its incarnation), as without a cluster. {@code endpoint(node)} says where to connect.
 *   <li><b>Migration commit</b>: after the destination's ACCEPT and before COMMIT, the origin calls
 *       {@code claim(pid, destination, epoch + 1)}; COMMIT only once it succeeded; on
 *       {@link io.procmobility.registry.StaleEpochException}, {@link io.procmobility.registry.NoQuorumException}
 *       or {@link io.procmobility.registry.NodeDownException} the migration rolls back.
 *   <li><b>Exit</b>: {@code release(pid, epoch)} (releases its name too).
 *   <li><b>Names</b>: {@code registerName(name, pid)} before the local registration;
 *       {@code whereis(name)} when the name is not local.
 *   <li><b>Failures</b>: a {@link io.procmobility.registry.MembershipEvent.Left} fires the
 *       {@code Down(nodedown)} of monitors on processes of that node.
 * </ul>
 * Writes return futures completed on a registry thread, so none of this blocks a Netty event loop.
 */
package io.procmobility.registry;
