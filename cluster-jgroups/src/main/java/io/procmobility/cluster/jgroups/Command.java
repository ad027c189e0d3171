package io.procmobility.cluster.jgroups;

import io.procmobility.process.Pid;
import io.procmobility.registry.NodeDown;
import io.procmobility.registry.RegistryTable;

/**
 * A write to the replicated registry, as it travels through the Raft log. Each one is applied, in
 * log order, to every member's {@link RegistryTable}; applying the same command twice is harmless
 * (a retried submission may be committed twice), which is why {@link UnregisterName} names the
 * holder it expects.
 */
sealed interface Command {
    /** Applies this command to {@code table}; returns the result a waiting caller gets, or throws its refusal. */
    Object applyTo(RegistryTable table);

    /** A short description for errors and logs. */
    String describe();

    /** See {@link RegistryTable#claim}. */
    record Claim(Pid pid, String node, long epoch) implements Command {
        @Override
        public Object applyTo(RegistryTable table) {
            table.claim(pid, node, epoch);
            return null;
        }

        @Override
        public String describe() {
            return "claim of " + pid + " for node " + node + " at epoch " + epoch;
        }
    }

    /** See {@link RegistryTable#release}. */
    record Release(Pid pid, long epoch) implements Command {
        @Override
        public Object applyTo(RegistryTable table) {
            table.release(pid, epoch);
            return null;
        }

        @Override
        public String describe() {
            return "release of " + pid + " at epoch " + epoch;
        }
    }

    /** See {@link RegistryTable#registerName}. */
    record RegisterName(String name, Pid pid, String byNode) implements Command {
        @Override
        public Object applyTo(RegistryTable table) {
            table.registerName(name, pid, byNode);
            return null;
        }

        @Override
        public String describe() {
            return "registration of '" + name + "' for " + pid;
        }
    }

    /** Releases {@code name} if {@code pid} holds it; the result is whether it did. */
    record UnregisterName(String name, Pid pid) implements Command {
        @Override
        public Object applyTo(RegistryTable table) {
            return table.unregisterName(name, pid);
        }

        @Override
        public String describe() {
            return "unregistration of '" + name + "' held by " + pid;
        }
    }

    /** See {@link RegistryTable#nodeUp}; {@code viewId} orders membership reports. */
    record NodeUp(String node, long viewId) implements Command {
        @Override
        public Object applyTo(RegistryTable table) {
            return table.nodeUp(node, viewId);
        }

        @Override
        public String describe() {
            return "node " + node + " up (view " + viewId + ")";
        }
    }

    /** See {@link RegistryTable#nodeDown(NodeDown, long)}; {@code viewId} orders membership reports. */
    record MarkNodeDown(NodeDown down, long viewId) implements Command {
        @Override
        public Object applyTo(RegistryTable table) {
            return table.nodeDown(down, viewId);
        }

        @Override
        public String describe() {
            return "node " + down.node() + " down (view " + viewId + ")";
        }
    }
}
