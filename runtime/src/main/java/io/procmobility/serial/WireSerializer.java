package io.procmobility.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Turns any object graph (a message between nodes) into bytes and back, with the same rules as
 * {@link ContinuationSerializer}: Kryo with references on, explicit registration IDs, user classes
 * only when the {@link SerialAllowlist} allows them, lengths and depth capped by
 * {@link SerialLimits}, untrusted bytes on read, Java serialization never.
 *
 * <p>Callers add their own types (the transport's wire messages) as {@link Registration}s with IDs
 * from {@link #FIRST_EXTRA_ID} up, so they can never collide with the IDs the continuation format
 * uses. Like all Kryo IDs they are a wire format: append, never renumber.
 *
 * <p>Thread-safe: Kryo instances are pooled, one per concurrent call.
 */
public final class WireSerializer {
    /** Smallest ID a {@link Registration} may use; the lower ones belong to the serializer itself. */
    public static final int FIRST_EXTRA_ID = 200;
    /** Format version in every payload's header; it follows the continuation format's. */
    public static final int FORMAT_VERSION = KryoFactory.FORMAT_VERSION;
    /** "PW" + format version: refuses bytes that are not a wire payload before Kryo sees them. */
    private static final byte[] MAGIC = {'P', 'W', (byte) KryoFactory.FORMAT_VERSION};
    private static final int INITIAL_BUFFER = 256;
    private static final String CONTINUATION_PREFIX = "Cannot deserialize continuation: ";
    private static final String SERIALIZE_PREFIX = "Cannot serialize continuation: ";

    /**
     * One extra registered type.
     *
     * @param id         the Kryo registration ID, {@link #FIRST_EXTRA_ID} or above, the same on every node
     * @param type       the class
     * @param serializer makes the serializer for one Kryo instance, or null for Kryo's default
     *                   (a {@code RecordSerializer} for records)
     */
    public record Registration(int id, Class<?> type, Supplier<? extends Serializer<?>> serializer) {
        /** Validates the ID. */
        public Registration {
            Objects.requireNonNull(type, "type");
            if (id < FIRST_EXTRA_ID) {
                throw new IllegalArgumentException("Registration ID " + id + " for " + type.getName()
                        + " is below WireSerializer.FIRST_EXTRA_ID (" + FIRST_EXTRA_ID + ")");
            }
        }

        /** With Kryo's default serializer for {@code type}. */
        public static Registration of(int id, Class<?> type) {
            return new Registration(id, type, null);
        }
    }

    private final SerialLimits limits;
    private final Pool<Kryo> pool;

    /**
     * @param allowlist     user classes that may travel
     * @param limits        caps on payload size, lengths and depth
     * @param classLoader   resolves class names read from payloads
     * @param registrations extra types with explicit IDs (IDs unique, {@link #FIRST_EXTRA_ID} or above)
     */
    public WireSerializer(SerialAllowlist allowlist, SerialLimits limits, ClassLoader classLoader,
                          List<Registration> registrations) {
        Objects.requireNonNull(allowlist, "allowlist");
        this.limits = Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(classLoader, "classLoader");
        List<Registration> extra = List.copyOf(registrations);
        Map<Integer, Registration> ids = new HashMap<>();
        for (Registration r : extra) {
            Registration taken = ids.putIfAbsent(r.id(), r);
            if (taken != null) {
                throw new IllegalArgumentException("Registration ID " + r.id() + " is used twice: by " + taken.type().getName()
                        + " and by " + r.type().getName() + ". Give one of them a free ID (IDs are wire format: never renumber one in use)");
            }
        }
        this.pool = new Pool<>(true, false, Math.max(4, 2 * Runtime.getRuntime().availableProcessors())) {
            @Override
            protected Kryo create() {
                Kryo kryo = KryoFactory.create(allowlist, limits, classLoader);
                for (Registration r : extra) {
                    if (r.serializer() == null) {
                        kryo.register(r.type(), r.id());
                    } else {
                        kryo.register(r.type(), r.serializer().get(), r.id());
                    }
                }
                return kryo;
            }
        };
        // Fail at construction, not on the first message, when a registration is unusable.
        pool.free(pool.obtain());
    }

    /** The limits this serializer applies. */
    public SerialLimits limits() {
        return limits;
    }

    /**
     * Serializes {@code value} (any registered, JDK-registered or allowlisted type).
     *
     * @throws SerializationException naming the class when something may not travel, or when the
     *                                result exceeds {@link SerialLimits#maxBytes()}
     */
    public byte[] serialize(Object value) {
        Kryo kryo = pool.obtain();
        boolean clean = false;
        try {
            Output output = new Output(Math.min(INITIAL_BUFFER, limits.maxBytes()), limits.maxBytes());
            output.writeBytes(MAGIC);
            kryo.writeClassAndObject(output, value);
            byte[] bytes = output.toBytes();
            clean = true;
            return bytes;
        } catch (RuntimeException | StackOverflowError e) {
            Rejection rejection = Rejection.find(e);
            SerializationException translated = rejection != null
                    ? new SerializationException(WriteErrors.describe(rejection.in("the message", "message", value), loaderOf(value)), e)
                    : WriteErrors.translate(e, loaderOf(value), limits);
            throw reworded(translated, SERIALIZE_PREFIX, "Cannot serialize wire message: ");
        } finally {
            release(kryo, clean);
        }
    }

    /**
     * Rebuilds an object from bytes produced by {@link #serialize(Object)}. The bytes are treated as
     * untrusted: no class outside the registrations and the allowlist is loaded.
     *
     * @throws SerializationException for any malformed, oversized or disallowed payload
     */
    public Object deserialize(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > limits.maxBytes()) {
            throw new SerializationException("Cannot deserialize wire message: " + bytes.length
                    + " bytes is above SerialLimits.maxBytes (" + limits.maxBytes() + ")");
        }
        if (bytes.length < MAGIC.length || bytes[0] != MAGIC[0] || bytes[1] != MAGIC[1]) {
            throw new SerializationException("Cannot deserialize wire message: not a procmobility wire payload (bad header)");
        }
        if (bytes[2] != MAGIC[2]) {
            throw new SerializationException("Cannot deserialize wire message: payload format version " + bytes[2]
                    + ", this runtime reads version " + MAGIC[2] + ". Run the same procmobility version on both nodes.");
        }
        Kryo kryo = pool.obtain();
        boolean clean = false;
        try {
            BoundedInput input = new BoundedInput(bytes, limits);
            input.setPosition(MAGIC.length);
            Object value = kryo.readClassAndObject(input);
            if (input.position() != bytes.length) {
                throw new SerializationException("Cannot deserialize wire message: " + (bytes.length - input.position())
                        + " unexpected bytes after the message (corrupted or forged payload)");
            }
            clean = true;
            return value;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            // Errors too: a hostile payload must never take the node down (DESIGN §5).
            throw reworded(ReadErrors.translate(e, limits), CONTINUATION_PREFIX, "Cannot deserialize wire message: ");
        } finally {
            release(kryo, clean);
        }
    }

    /** The shared error helpers speak of continuations; say what this serializer handles. */
    private static SerializationException reworded(SerializationException e, String prefix, String replacement) {
        String message = e.getMessage();
        if (message == null || !message.startsWith(prefix)) {
            return e;
        }
        return new SerializationException(replacement + message.substring(prefix.length()),
                e.getCause() != null ? e.getCause() : e);
    }

    private void release(Kryo kryo, boolean clean) {
        if (clean) {
            pool.free(kryo);
        }
    }

    private static ClassLoader loaderOf(Object value) {
        ClassLoader loader = value == null ? null : value.getClass().getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }
}
