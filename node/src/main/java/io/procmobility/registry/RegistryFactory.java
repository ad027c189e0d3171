package io.procmobility.registry;

/**
 * Starts a node's {@link ClusterRegistry} once the node knows where its transport listens, so that
 * the registry can advertise that endpoint to the other members (who then reach the node by name).
 * {@code Node.start} calls it once, after binding its socket, and closes the registry when the
 * node closes. {@code JGroupsCluster.joining(config)} is one.
 */
@FunctionalInterface
public interface RegistryFactory {
    /**
     * Starts (joins) the registry of node {@code node}, whose transport accepts connections on
     * {@code endpoint} ({@code host:port}).
     */
    ClusterRegistry open(String node, String endpoint);
}
