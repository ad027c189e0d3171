package io.procmobility.registry;

import io.procmobility.process.Pid;
import java.util.Objects;

/**
 * Where a process lives: its node and the epoch of its owner record (raised by every committed
 * migration). {@code down} is {@code null} while the node is a member of the cluster, and says why
 * it is not otherwise.
 *
 * @param pid   the process
 * @param node  the name of the node that owns it
 * @param epoch the owner record's epoch
 * @param down  why {@code node} is down, or {@code null} when it is up
 */
public record Location(Pid pid, String node, long epoch, NodeDown down) {
    public Location {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(node, "node");
    }

    /** True when the owning node is marked down: messages to the process cannot be delivered. */
    public boolean isNodeDown() {
        return down != null;
    }

    /**
     * Returns this location when its node is up.
     *
     * @throws NodeDownException naming the pid, the node and why it went down
     */
    public Location requireNodeUp() {
        if (down != null) {
            throw new NodeDownException("process " + pid + " lives on node " + node + " (epoch " + epoch + "), which "
                    + down.describe() + "; messages to it cannot be delivered until that node rejoins or the"
                    + " process is claimed by another node", down);
        }
        return this;
    }

    @Override
    public String toString() {
        return pid + "@" + node + "#" + epoch + (down == null ? "" : " (node down)");
    }
}
