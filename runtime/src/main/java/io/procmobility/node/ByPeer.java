package io.procmobility.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Things local processes hold on processes of other nodes (monitors, links), grouped by node:
 * when a node's connection drops, each of them must fire {@code noconnection} (Erlang's behaviour).
 */
final class ByPeer<K, V> {
    private final Map<String, Map<K, V>> byNode = new HashMap<>();

    synchronized void put(String node, K key, V value) {
        byNode.computeIfAbsent(node, n -> new HashMap<>()).put(key, value);
    }

    synchronized void remove(String node, K key) {
        Map<K, V> entries = byNode.get(node);
        if (entries != null) {
            entries.remove(key);
        }
    }

    /** Removes and returns everything held on processes of {@code node}. */
    synchronized List<V> takeAll(String node) {
        Map<K, V> entries = byNode.remove(node);
        return entries == null ? List.of() : new ArrayList<>(entries.values());
    }
}
