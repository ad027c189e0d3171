package io.procmobility.node;

import io.procmobility.process.NameService;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.registry.ClusterRegistry;
import io.procmobility.registry.NameTakenException;
import io.procmobility.registry.NoQuorumException;
import io.procmobility.registry.RegistryException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process names of a node in a cluster: unique cluster-wide through the registry. A name is
 * claimed in the registry before the runtime registers it locally; lookups of names that are not
 * local read the registry's local copy; a name is released in the registry when its process ends
 * or unregisters it.
 *
 * <p>{@link #reconcile()} repairs what a partition leaves behind: while this node was cut off, the
 * majority may have released its names (it was marked down) and given one to another process. A
 * local registration the registry gives to another process is dropped here (its process keeps
 * running, unnamed, with a warning); one the registry forgot is registered again.
 */
final class ClusterNames implements NameService {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNames.class);

    private final String self;
    private final ClusterRegistry registry;
    private final ProcessRuntime runtime;
    private final Duration timeout;
    private final Set<String> reRegistering = ConcurrentHashMap.newKeySet();

    /** {@code timeout} bounds a registration's wait (the registry fails it earlier when it has no quorum). */
    ClusterNames(String self, ClusterRegistry registry, ProcessRuntime runtime, Duration timeout) {
        this.self = self;
        this.registry = registry;
        this.runtime = runtime;
        this.timeout = timeout;
    }

    @Override
    public void claim(String name, Pid pid) {
        try {
            registry.registerName(name, pid).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = NodeCluster.unwrap(e);
            if (cause instanceof RuntimeException runtimeException) {
                throw runtimeException; // NameTakenException names the holder; NoQuorumException says what this node sees
            }
            throw new RegistryException("registering '" + name + "' for process " + pid + " on node " + self + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new NoQuorumException("registering '" + name + "' for process " + pid + " on node " + self
                    + " got no answer from the cluster within " + timeout.toMillis() + " ms; the outcome is unknown"
                    + " (hint: whereis tells whether it took effect)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while registering '" + name + "' for process " + pid + " on node " + self);
        }
    }

    @Override
    public Optional<Pid> whereis(String name) {
        return registry.whereis(name);
    }

    @Override
    public void released(String name, Pid pid) {
        registry.unregisterName(name, pid).whenComplete((removed, failure) -> {
            if (failure != null) {
                LOG.debug("node {}: could not release name '{}' of {} in the cluster: {}", self, name, pid,
                        NodeCluster.rootMessage(failure));
            }
        });
    }

    /** Makes the local registrations agree with the registry (after a partition healed); cheap when they do. */
    void reconcile() {
        for (Map.Entry<String, Pid> local : runtime.registeredNames().entrySet()) {
            String name = local.getKey();
            Pid pid = local.getValue();
            Optional<Pid> holder = registry.whereis(name);
            if (holder.isPresent() && holder.get().equals(pid)) {
                continue;
            }
            if (holder.isPresent()) {
                dropLocal(name, pid, holder.get());
            } else if (reRegistering.add(name)) {
                registry.registerName(name, pid).whenComplete((ok, failure) -> {
                    reRegistering.remove(name);
                    if (failure == null) {
                        if (runtime.isAlive(pid)) {
                            LOG.info("node {}: name '{}' of {} registered in the cluster again (it had been released while"
                                    + " this node was cut off)", self, name, pid);
                        } else {
                            released(name, pid); // it ended meanwhile
                        }
                    } else if (NodeCluster.unwrap(failure) instanceof NameTakenException taken) {
                        dropLocal(name, pid, taken.owner());
                    } // no quorum yet: the next round tries again
                });
            }
        }
    }

    private void dropLocal(String name, Pid pid, Pid holder) {
        if (runtime.forgetName(name, pid)) {
            LOG.warn("node {}: the cluster gave the name '{}' to process {} while this node was cut off; process {} here"
                    + " keeps running without the name", self, name, holder, pid);
        }
    }
}
