package io.procmobility.serial;

import io.procmobility.internal.Frame;

/**
 * Internal signal raised deep inside Kryo when an object may not be written. It carries what was
 * wrong; the frame serializer adds where (frame and slot) as it passes by, and
 * {@link WriteErrors} turns it into the user-facing {@link SerializationException} once the
 * continuation's class loader is at hand to look the frame's metadata up.
 */
final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the object. */
    enum Kind {
        /** Its class is neither registered nor in the allowlist. */
        CLASS_NOT_ALLOWED,
        /** A lambda whose functional interface is not {@code java.io.Serializable}. */
        LAMBDA_NOT_SERIALIZABLE,
        /** A serializable lambda created in a class outside the allowlist. */
        LAMBDA_CAPTURING_CLASS_NOT_ALLOWED,
        /** Kryo would pick a Java-serialization based serializer, which is never used. */
        JAVA_SERIALIZATION
    }

    final Kind kind;
    /** The offending class (the capturing class for {@link Kind#LAMBDA_CAPTURING_CLASS_NOT_ALLOWED}). */
    final Class<?> type;
    /** The class of the object found on the way ({@code type} except for lambdas). */
    final Class<?> objectClass;

    // Where, filled by the first serializer that knows it.
    Frame frame;
    int slot = -1;
    Object root;
    String rootLabel;
    String rootName;

    Rejection(Kind kind, Class<?> type, Class<?> objectClass) {
        super(kind + ": " + type.getName(), null, false, false);
        this.kind = kind;
        this.type = type;
        this.objectClass = objectClass;
    }

    boolean located() {
        return rootLabel != null || frame != null;
    }

    /** Records that {@code root}, slot {@code slot} of {@code frame}, holds the offender. */
    Rejection inLocal(Frame frame, int slot, Object root) {
        if (!located()) {
            this.frame = frame;
            this.slot = slot;
            this.root = root;
        }
        return this;
    }

    /** Records that {@code root}, described by {@code label} and called {@code name} in paths, holds the offender. */
    Rejection in(String label, String name, Object root) {
        if (!located()) {
            this.rootLabel = label;
            this.rootName = name;
            this.root = root;
        }
        return this;
    }

    /** The rejection in {@code e}'s cause chain (Kryo wraps what serializers throw), or null. */
    static Rejection find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Rejection r) {
                return r;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
