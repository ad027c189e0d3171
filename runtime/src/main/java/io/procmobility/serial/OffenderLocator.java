package io.procmobility.serial;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the field path from a captured object to the object Kryo refused, so the error can say
 * {@code order.customer.socket} rather than just {@code java.net.Socket}. Runs only after a
 * failure, breadth first (shortest path), over at most {@value #MAX_VISITS} objects; follows the
 * fields Kryo's field serializer writes (non-static, non-transient), array elements, collection
 * elements and map entries, and skips fields it may not read (JDK internals).
 */
final class OffenderLocator {
    private static final int MAX_VISITS = 10_000;

    private OffenderLocator() {
    }

    /** The path from {@code root} (as {@code ""}) to the first object matching, or null when not found. */
    static String pathTo(Object root, Predicate<Object> offender) {
        if (root == null) {
            return null;
        }
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Object[]> queue = new ArrayDeque<>(); // {object, path}
        queue.add(new Object[] {root, ""});
        seen.add(root);
        int visits = 0;
        while (!queue.isEmpty() && visits++ < MAX_VISITS) {
            Object[] next = queue.poll();
            Object object = next[0];
            String path = (String) next[1];
            if (offender.test(object)) {
                return path;
            }
            children(object, path, (child, childPath) -> {
                if (child != null && seen.add(child)) {
                    queue.add(new Object[] {child, childPath});
                }
            });
        }
        return null;
    }

    private interface Sink {
        void accept(Object child, String path);
    }

    private static void children(Object object, String path, Sink sink) {
        Class<?> type = object.getClass();
        if (type.isArray()) {
            if (!type.getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(object); i++) {
                    sink.accept(Array.get(object, i), path + "[" + i + "]");
                }
            }
            return;
        }
        if (object instanceof Map<?, ?> map) {
            try {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    sink.accept(entry.getKey(), path + ".keySet()");
                    sink.accept(entry.getValue(), path + ".get(" + shortText(entry.getKey()) + ")");
                }
            } catch (RuntimeException ignored) {
                // A map that fails to iterate cannot be explained further; the class is still named.
            }
            return;
        }
        if (object instanceof Collection<?> collection) {
            try {
                int i = 0;
                for (Object element : collection) {
                    sink.accept(element, path + "[" + i++ + "]");
                }
            } catch (RuntimeException ignored) {
                // As above.
            }
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.getType().isPrimitive()
                        || !field.trySetAccessible()) {
                    continue;
                }
                try {
                    sink.accept(field.get(object), path + "." + field.getName());
                } catch (IllegalAccessException ignored) {
                    // trySetAccessible said yes; nothing useful to add if it changed its mind.
                }
            }
        }
    }

    private static String shortText(Object key) {
        String text;
        try {
            text = String.valueOf(key);
        } catch (RuntimeException e) {
            text = key.getClass().getSimpleName();
        }
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
