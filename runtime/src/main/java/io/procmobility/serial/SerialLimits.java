package io.procmobility.serial;

/**
 * Caps applied while reading a serialized continuation, so that a forged or corrupted payload
 * fails with a {@link SerializationException} instead of exhausting memory or the stack (Kryo
 * itself trusts the lengths it reads).
 *
 * @param maxBytes  largest payload accepted (and produced), in bytes
 * @param maxLength largest array, collection, map or string length a payload may claim
 * @param maxDepth  deepest nesting of objects inside the captured state
 */
public record SerialLimits(int maxBytes, int maxLength, int maxDepth) {

    /**
     * 16 MiB, one million elements, depth 400: far above a normal process's captured state, far
     * below what hurts a node (1 000 000 references is 8 MB of array; depth 400 fits a 512 KiB
     * thread stack).
     */
    public static final SerialLimits DEFAULTS = new SerialLimits(16 << 20, 1_000_000, 400);

    /** Validates the limits; all must be positive. */
    public SerialLimits {
        if (maxBytes <= 0 || maxLength <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("SerialLimits must be positive: maxBytes=" + maxBytes
                    + ", maxLength=" + maxLength + ", maxDepth=" + maxDepth);
        }
    }

    /** The defaults, see {@link #DEFAULTS}. */
    public static SerialLimits defaults() {
        return DEFAULTS;
    }

    /** A copy with another {@link #maxBytes()}. */
    public SerialLimits withMaxBytes(int value) {
        return new SerialLimits(value, maxLength, maxDepth);
    }

    /** A copy with another {@link #maxLength()}. */
    public SerialLimits withMaxLength(int value) {
        return new SerialLimits(maxBytes, value, maxDepth);
    }

    /** A copy with another {@link #maxDepth()}. */
    public SerialLimits withMaxDepth(int value) {
        return new SerialLimits(maxBytes, maxLength, value);
    }
}
