package io.procmobility.internal;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
    /** By name alone, when the name is not overloaded among instrumented methods (saves a descriptor lookup). */
    private final Map<String, MethodMetadata> uniqueByName = new HashMap<>();
    private final int version;

    private ClassMetadata() {
        this.version = -1;
    }

    private ClassMetadata(Class<?> type, InstrumentedClass annotation) {
        this.version = annotation.version();
        String owner = type.getName().replace('.', '/');
        // A name is unique only if no other method of the class, instrumented or not, shares it.
        Set<String> overloaded = overloadedNames(type);
        for (InstrumentedMethod method : annotation.methods()) {
            MethodMetadata metadata = new MethodMetadata(owner, annotation.source(), method);
            methods.put(method.name() + method.desc(), metadata);
            if (overloaded != null && !overloaded.contains(method.name())) {
                uniqueByName.put(method.name(), metadata);
            }
        }
    }

    /** Names shared by several declared methods; {@code null} (all names suspect) when reflection fails. */
    private static Set<String> overloadedNames(Class<?> type) {
        Set<String> seen = new HashSet<>();
        Set<String> overloaded = new HashSet<>();
        try {
            for (Method declared : type.getDeclaredMethods()) {
                if (!seen.add(declared.getName())) {
                    overloaded.add(declared.getName());
                }
            }
        } catch (LinkageError e) {
            return null;
        }
        return overloaded;
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

    /**
     * The instrumented method called {@code name} when no other instrumented method of the class
     * has that name, else {@code null} (then look it up with its descriptor).
     */
    public MethodMetadata uniqueMethod(String name) {
        return uniqueByName.get(name);
    }

    /** The instrumented method {@code name + descriptor}, or {@code null}. */
    public MethodMetadata method(String name, String descriptor) {
        return methods.get(name + descriptor);
    }
}
