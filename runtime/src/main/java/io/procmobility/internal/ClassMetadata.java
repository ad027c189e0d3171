package io.procmobility.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The instrumentation metadata of a loaded class, read once per class and cached. Not API.
 */
public final class ClassMetadata {
    /** Version of the metadata format this runtime understands; the instrumenter writes the same. */
    public static final int FORMAT_VERSION = 1;

    private static final ClassValue<ClassMetadata> CACHE = new ClassValue<>() {
        @Override
        protected ClassMetadata computeValue(Class<?> type) {
            InstrumentedClass annotation = type.getAnnotation(InstrumentedClass.class);
            return annotation == null ? NONE : new ClassMetadata(type, annotation);
        }
    };
    private static final ClassMetadata NONE = new ClassMetadata();

    private final Map<String, MethodMetadata> methods = new HashMap<>();
    private final int version;

    private ClassMetadata() {
        this.version = -1;
    }

    private ClassMetadata(Class<?> type, InstrumentedClass annotation) {
        this.version = annotation.version();
        String owner = type.getName().replace('.', '/');
        for (InstrumentedMethod method : annotation.methods()) {
            methods.put(method.name() + method.desc(), new MethodMetadata(owner, annotation.source(), method));
        }
    }

    /** Metadata of {@code type}; {@link #isInstrumented()} is false for plain classes. */
    public static ClassMetadata of(Class<?> type) {
        return CACHE.get(type);
    }

    /** True when the instrumenter transformed this class. */
    public boolean isInstrumented() {
        return version >= 0;
    }

    /** Format version written by the instrumenter, or -1. */
    public int version() {
        return version;
    }

    /** The instrumented method {@code name + descriptor}, or {@code null}. */
    public MethodMetadata method(String name, String descriptor) {
        return methods.get(name + descriptor);
    }
}
