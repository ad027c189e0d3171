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
 */
package io.procmobility.registry;
