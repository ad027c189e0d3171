package io.procmobility.testing;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import io.procmobility.continuation.Continuation;
import io.procmobility.internal.Frame;
import java.lang.invoke.SerializedLambda;
import java.util.function.Supplier;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * The {@link Transport}s the round-trip harness can use.
 *
 * <p>{@link #DEFAULT} is what the fixture corpus runs through. Switch it to
 * {@code serializer(...)} once {@code io.procmobility.serial.ContinuationSerializer} is on main.
 */
public final class Transports {
    /** Which transport the corpus uses: see {@link #forCorpus(Supplier)}. */
    public static final String DEFAULT = "kryo-copy";

    private Transports() {
    }

    /** The transport the corpus must pass through, moving into loaders made by {@code freshLoaders}. */
    public static Transport forCorpus(Supplier<ClassLoader> freshLoaders) {
        return kryoCopy(freshLoaders);
    }

    /** Keeps the continuation as it is (same class loader, same heap objects). */
    public static Transport identity() {
        return c -> c;
    }

    /**
     * Test-only stand-in for the real serializer: copies target, frames and value with a plain
     * Kryo (references on, no registration, constructors skipped) and reads them back in a fresh
     * class loader from {@code freshLoaders}. Checks nothing; it only proves that the captured state
     * is plain data that can live in another loader.
     */
    public static Transport kryoCopy(Supplier<ClassLoader> freshLoaders) {
        return c -> {
            Output out = new Output(4096, -1);
            newKryo(c.target().getClass().getClassLoader()).writeClassAndObject(out,
                    new Object[] {c.target(), c.frames(), c.value()});
            ClassLoader fresh = freshLoaders.get();
            Object[] read = (Object[]) newKryo(fresh).readClassAndObject(new Input(out.toBytes()));
            Runnable target = (Runnable) read[0];
            if (target.getClass().getClassLoader() != fresh) {
                throw new AssertionError("the target was not re-created in the fresh class loader: " + target.getClass());
            }
            return Continuation.restore(target, (Frame[]) read[1], read[2]);
        };
    }

    private static Kryo newKryo(ClassLoader loader) {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setReferences(true);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        kryo.register(SerializedLambda.class);
        kryo.register(ClosureSerializer.Closure.class, new ClosureSerializer());
        kryo.setClassLoader(loader);
        return kryo;
    }
}
