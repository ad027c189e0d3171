package io.procmobility.process;

import java.util.Optional;

/**
 * Makes a runtime's process names unique beyond its JVM. A node that belongs to a cluster installs
 * one ({@link ProcessRuntime#useNameService}): {@code register} then claims the name cluster-wide
 * before registering it here, and {@code whereis} finds names registered on other nodes. Without
 * one, names are unique within the runtime only.
 */
public interface NameService {
    /**
     * Claims {@code name} for {@code pid} everywhere; the runtime registers it locally only after
     * this returned. May wait for the cluster (for a bounded time).
     *
     * @throws RuntimeException when the name cannot be had: held by another process (the exception
     *     names it and its node), or the cluster cannot decide (e.g. no quorum)
     */
    void claim(String name, Pid pid);

    /** The pid registered as {@code name} anywhere in the cluster, as far as this node knows; must not block. */
    Optional<Pid> whereis(String name);

    /** {@code pid} no longer holds {@code name} here (unregistered or ended); must not block. */
    void released(String name, Pid pid);
}
