package io.procmobility.node;

import io.procmobility.process.MonitorRef;
import io.procmobility.process.Pid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Monitors that local processes hold on processes of other nodes, by node: when a node's
 * connection drops, each of them fires {@code noconnection} (Erlang's behaviour).
 */
final class RemoteMonitors {
    /** One monitor: who watches what. */
    record Entry(MonitorRef ref, Pid watcher, Pid target) {
    }

    private final Map<String, Map<MonitorRef, Entry>> byNode = new HashMap<>();

    synchronized void add(String node, MonitorRef ref, Pid watcher, Pid target) {
        byNode.computeIfAbsent(node, n -> new HashMap<>()).put(ref, new Entry(ref, watcher, target));
    }

    synchronized void remove(String node, MonitorRef ref) {
        Map<MonitorRef, Entry> entries = byNode.get(node);
        if (entries != null) {
            entries.remove(ref);
        }
    }

    /** Removes and returns every monitor on processes of {@code node}. */
    synchronized List<Entry> takeAll(String node) {
        Map<MonitorRef, Entry> entries = byNode.remove(node);
        return entries == null ? List.of() : new ArrayList<>(entries.values());
    }
}
