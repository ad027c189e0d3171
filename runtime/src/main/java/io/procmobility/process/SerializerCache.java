package io.procmobility.process;

import io.procmobility.serial.ContinuationSerializer;
import io.procmobility.serial.SerialAllowlist;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link ContinuationSerializer} per (allowlist, class loader) for a runtime's freezes and
 * thaws. A serializer builds and warms Kryo instances, and on JDK 17 generates classes: made per
 * migration, that was three quarters of a migration's time (MigrationBench, benchmarks/README.md).
 * Kept by the runtime (not static) and bounded, so class loaders are not held past it.
 */
final class SerializerCache {
    private static final int MAX_ENTRIES = 64;

    private record Key(SerialAllowlist allowlist, ClassLoader loader) {
    }

    private final Map<Key, ContinuationSerializer> serializers = new ConcurrentHashMap<>();

    ContinuationSerializer get(SerialAllowlist userAllowlist, ClassLoader loader) {
        Key key = new Key(userAllowlist, loader);
        ContinuationSerializer serializer = serializers.get(key);
        if (serializer != null) {
            return serializer;
        }
        if (serializers.size() >= MAX_ENTRIES) {
            serializers.clear(); // many loaders come and go (tests, hot redeploys): start over rather than grow
        }
        return serializers.computeIfAbsent(key,
                k -> new ContinuationSerializer(ProcessFreezer.withRuntimeTypes(k.allowlist()), k.loader()));
    }
}
