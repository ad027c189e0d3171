package io.procmobility.testing;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.serializers.FieldSerializer;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import io.procmobility.continuation.Continuation;
import io.procmobility.internal.Frame;
import io.procmobility.serial.ContinuationSerializer;
import io.procmobility.serial.SerialAllowlist;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
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
    public static final String DEFAULT = "serializer";

    private Transports() {
    }

    /** The transport the corpus must pass through, moving into loaders made by {@code freshLoaders}. */
    public static Transport forCorpus(Supplier<ClassLoader> freshLoaders) {
        return serializer(freshLoaders, SerialAllowlist.builder().allowPackage("io.procmobility.fixtures.**").build());
    }

    /**
     * The real thing: {@link ContinuationSerializer} to bytes with the capturing loader, and back
     * into a fresh class loader from {@code freshLoaders}.
     */
    public static Transport serializer(Supplier<ClassLoader> freshLoaders, SerialAllowlist allowlist) {
        return c -> {
            byte[] bytes = new ContinuationSerializer(allowlist, c.target().getClass().getClassLoader()).serialize(c);
            ClassLoader fresh = freshLoaders.get();
            Continuation copy = new ContinuationSerializer(allowlist, fresh).deserialize(bytes);
            if (copy.target().getClass().getClassLoader() != fresh) {
                throw new AssertionError("the target was not re-created in the fresh class loader: " + copy.target().getClass());
            }
            return copy;
        };
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
        // Kryo maps every lambda class to Closure; serializable lambdas travel as their SerializedLambda.
        kryo.register(ClosureSerializer.Closure.class, new LambdaCopy());
        // Synthetic fields (this$0 of inner and anonymous classes, captured locals) are state too.
        FieldSerializer.FieldSerializerConfig fields = new FieldSerializer.FieldSerializerConfig();
        fields.setIgnoreSyntheticFields(false);
        kryo.setDefaultSerializer(new SerializerFactory.FieldSerializerFactory(fields));
        kryo.setClassLoader(loader);
        return kryo;
    }

    /**
     * Serializable lambdas by their {@code writeReplace()} form, re-created on read through the
     * capturing class's {@code $deserializeLambda$} in the reading loader (no access to
     * {@code java.lang.invoke} internals needed). Non-serializable lambdas fail.
     */
    private static final class LambdaCopy extends Serializer<Object> {
        @Override
        public void write(Kryo kryo, Output output, Object lambda) {
            SerializedLambda form;
            try {
                Method writeReplace = lambda.getClass().getDeclaredMethod("writeReplace");
                writeReplace.setAccessible(true);
                form = (SerializedLambda) writeReplace.invoke(lambda);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("lambda " + lambda.getClass().getName() + " is not serializable", e);
            }
            output.writeString(form.getCapturingClass());
            output.writeString(form.getFunctionalInterfaceClass());
            output.writeString(form.getFunctionalInterfaceMethodName());
            output.writeString(form.getFunctionalInterfaceMethodSignature());
            output.writeInt(form.getImplMethodKind());
            output.writeString(form.getImplClass());
            output.writeString(form.getImplMethodName());
            output.writeString(form.getImplMethodSignature());
            output.writeString(form.getInstantiatedMethodType());
            output.writeInt(form.getCapturedArgCount());
            for (int i = 0; i < form.getCapturedArgCount(); i++) {
                kryo.writeClassAndObject(output, form.getCapturedArg(i));
            }
        }

        @Override
        public Object read(Kryo kryo, com.esotericsoftware.kryo.io.Input input, Class<? extends Object> type) {
            try {
                Class<?> capturing = Class.forName(input.readString().replace('/', '.'), false, kryo.getClassLoader());
                String fiClass = input.readString();
                String fiName = input.readString();
                String fiSignature = input.readString();
                int implKind = input.readInt();
                String implClass = input.readString();
                String implName = input.readString();
                String implSignature = input.readString();
                String instantiated = input.readString();
                Object[] captured = new Object[input.readInt()];
                for (int i = 0; i < captured.length; i++) {
                    captured[i] = kryo.readClassAndObject(input);
                }
                SerializedLambda form = new SerializedLambda(capturing, fiClass, fiName, fiSignature, implKind, implClass,
                        implName, implSignature, instantiated, captured);
                Method deserialize = capturing.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
                deserialize.setAccessible(true);
                return deserialize.invoke(null, form);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot re-create a lambda in the fresh loader", e);
            }
        }
    }
}
