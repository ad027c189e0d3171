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

    /** Removes {@code key} whichever node it is filed under (a Down may come from where the process moved). */
    synchronized void removeAnywhere(K key) {
        for (Map<K, V> entries : byNode.values()) {
            entries.remove(key);
        }
    }

    /** Files the entries {@code which} selects under {@code node} (their process moved there); true when any did. */
    synchronized boolean rehome(java.util.function.Predicate<V> which, String node) {
        Map<K, V> moved = new HashMap<>();
        for (Map.Entry<String, Map<K, V>> perNode : byNode.entrySet()) {
            if (!perNode.getKey().equals(node)) {
                perNode.getValue().entrySet().removeIf(e -> which.test(e.getValue()) && moved.put(e.getKey(), e.getValue()) == null);
            }
        }
        if (!moved.isEmpty()) {
            byNode.computeIfAbsent(node, n -> new HashMap<>()).putAll(moved);
        }
        return !moved.isEmpty() || (byNode.containsKey(node) && byNode.get(node).values().stream().anyMatch(which));
    }

    /** Removes and returns every entry {@code which} selects, whichever node it is filed under. */
    synchronized List<V> takeWhere(java.util.function.Predicate<V> which) {
        List<V> taken = new ArrayList<>();
        for (Map<K, V> entries : byNode.values()) {
            entries.values().removeIf(v -> which.test(v) && taken.add(v));
        }
        return taken;
    }

    /** Removes and returns everything held on processes of {@code node}. */
    synchronized List<V> takeAll(String node) {
        Map<K, V> entries = byNode.remove(node);
        return entries == null ? List.of() : new ArrayList<>(entries.values());
    }
}
