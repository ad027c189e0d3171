package io.procmobility.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import io.procmobility.continuation.Continuation;
import java.util.Objects;

/**
 * Turns a captured {@link Continuation} into bytes and back, for moving it to another JVM.
 *
 * <p>Kryo 5 with references on (shared objects and cycles in the captured state survive),
 * explicit registration IDs for the runtime's and the common JDK types, and user classes only
 * when the {@link SerialAllowlist} allows them. Reading treats the bytes as hostile: class names
 * are checked before loading, lengths and depth are capped by {@link SerialLimits}, and every
 * failure is a {@link SerializationException}. Java serialization is never used.
 *
 * <p>Thread-safe: Kryo instances are pooled, one per concurrent call.
 *
 * <pre>{@code
 * ContinuationSerializer serializer = new ContinuationSerializer(
 *         SerialAllowlist.builder().allowPackage("com.acme.**").build(),
 *         SerialLimits.defaults(),
 *         freshClassLoader);
 * byte[] bytes = serializer.serialize(continuation);
 * Continuation again = serializer.deserialize(bytes);   // typically in another JVM
 * }</pre>
 */
public final class ContinuationSerializer {
    /** "PM" + format version: refuses bytes that are not a continuation before Kryo sees them. */
    private static final byte[] MAGIC = {'P', 'M', (byte) KryoFactory.FORMAT_VERSION};
    private static final int INITIAL_BUFFER = 4096;

    private final SerialLimits limits;
    private final ClassLoader classLoader;
    private final Pool<Kryo> pool;

    /**
     * @param allowlist   user classes that may travel
     * @param limits      caps on payload size, lengths and depth
     * @param classLoader resolves class names read from payloads (the resuming side's, usually a
     *                    fresh loader for the process's code)
     */
    public ContinuationSerializer(SerialAllowlist allowlist, SerialLimits limits, ClassLoader classLoader) {
        Objects.requireNonNull(allowlist, "allowlist");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.pool = new Pool<>(true, false, Math.max(4, 2 * Runtime.getRuntime().availableProcessors())) {
            @Override
            protected Kryo create() {
                return KryoFactory.create(allowlist, limits, classLoader);
            }
        };
    }

    /** With {@link SerialLimits#defaults()}. */
    public ContinuationSerializer(SerialAllowlist allowlist, ClassLoader classLoader) {
        this(allowlist, SerialLimits.defaults(), classLoader);
    }

    /** The limits this serializer applies. */
    public SerialLimits limits() {
        return limits;
    }

    /** The class loader class names are resolved with on read. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * Serializes {@code continuation} (suspended or done).
     *
     * @throws SerializationException naming the local variable, frame and class when something
     *                                captured may not travel, or when the result exceeds {@link SerialLimits#maxBytes()}
     */
    public byte[] serialize(Continuation continuation) {
        Objects.requireNonNull(continuation, "continuation");
        Kryo kryo = pool.obtain();
        boolean clean = false;
        try {
            Output output = new Output(Math.min(INITIAL_BUFFER, limits.maxBytes()), limits.maxBytes());
            output.writeBytes(MAGIC);
            kryo.writeObject(output, continuation);
            byte[] bytes = output.toBytes();
            clean = true;
            return bytes;
        } catch (RuntimeException | StackOverflowError e) {
            throw WriteErrors.translate(e, loaderOf(continuation), limits);
        } finally {
            release(kryo, clean);
        }
    }

    /**
     * Rebuilds a continuation from bytes produced by {@link #serialize(Continuation)}, resolving
     * classes through this serializer's class loader. The bytes are treated as untrusted.
     *
     * @throws SerializationException for any malformed, oversized or disallowed payload; no class
     *                                outside the allowlist is loaded
     */
    public Continuation deserialize(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > limits.maxBytes()) {
            throw new SerializationException("Cannot deserialize continuation: " + bytes.length
                    + " bytes is above SerialLimits.maxBytes (" + limits.maxBytes() + ")");
        }
        checkHeader(bytes);
        Kryo kryo = pool.obtain();
        boolean clean = false;
        try {
            BoundedInput input = new BoundedInput(bytes, limits);
            input.setPosition(MAGIC.length);
            Continuation continuation = kryo.readObject(input, Continuation.class);
            if (input.position() != bytes.length) {
                throw new SerializationException("Cannot deserialize continuation: " + (bytes.length - input.position())
                        + " unexpected bytes after the continuation (corrupted or forged payload)");
            }
            clean = true;
            return continuation;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            // Errors too: a hostile payload must never take the node down (DESIGN §5). OutOfMemoryError
            // should not happen thanks to the length checks; it is the last line of defence.
            throw ReadErrors.translate(e, limits);
        } finally {
            release(kryo, clean);
        }
    }

    private static void checkHeader(byte[] bytes) {
        if (bytes.length < MAGIC.length || bytes[0] != MAGIC[0] || bytes[1] != MAGIC[1]) {
            throw new SerializationException("Cannot deserialize continuation: not a procmobility continuation payload (bad header)");
        }
        if (bytes[2] != MAGIC[2]) {
            throw new SerializationException("Cannot deserialize continuation: payload format version " + bytes[2]
                    + ", this runtime reads version " + MAGIC[2] + ". Run the same procmobility version on both nodes.");
        }
    }

    /** A Kryo that failed half-way may hold stale reference or class-name state: drop it instead of reusing it. */
    private void release(Kryo kryo, boolean clean) {
        if (clean) {
            pool.free(kryo);
        }
    }

    private static ClassLoader loaderOf(Continuation continuation) {
        ClassLoader loader = continuation.target().getClass().getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }
}
