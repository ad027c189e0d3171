package io.procmobility.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Serializable lambdas, registered for Kryo's {@code ClosureSerializer.Closure} marker (Kryo maps
 * every lambda class to it). Same wire layout idea as Kryo's {@code ClosureSerializer}, but:
 * the capturing class is resolved through the lambda's own class loader on write and through the
 * allowlisting resolver on read (Kryo's uses {@code Class.forName} with its own loader); the
 * captured-argument count is bounded; a non-serializable lambda or a capturing class outside the
 * allowlist is reported as a {@link Rejection} naming the local that holds it.
 *
 * <p>On read the lambda is rebuilt by the capturing class's compiler-generated
 * {@code $deserializeLambda$}, which only recreates lambdas that class actually contains.
 */
final class LambdaSerializer extends Serializer<Object> {

    @Override
    public void write(Kryo kryo, Output output, Object lambda) {
        Class<?> lambdaClass = lambda.getClass();
        if (!(lambda instanceof Serializable)) {
            throw new Rejection(Rejection.Kind.LAMBDA_NOT_SERIALIZABLE, lambdaClass, lambdaClass);
        }
        SerializedLambda form = serializedForm(lambda);
        Class<?> capturingClass = capturingClass(form, lambdaClass);
        AllowlistClassResolver resolver = (AllowlistClassResolver) kryo.getClassResolver();
        if (!resolver.isAllowed(capturingClass)) {
            throw new Rejection(Rejection.Kind.LAMBDA_CAPTURING_CLASS_NOT_ALLOWED, capturingClass, lambdaClass);
        }
        int count = form.getCapturedArgCount();
        output.writeVarInt(count, true);
        for (int i = 0; i < count; i++) {
            kryo.writeClassAndObject(output, form.getCapturedArg(i));
        }
        kryo.writeClass(output, capturingClass);
        output.writeString(form.getFunctionalInterfaceClass());
        output.writeString(form.getFunctionalInterfaceMethodName());
        output.writeString(form.getFunctionalInterfaceMethodSignature());
        output.writeVarInt(form.getImplMethodKind(), true);
        output.writeString(form.getImplClass());
        output.writeString(form.getImplMethodName());
        output.writeString(form.getImplMethodSignature());
        output.writeString(form.getInstantiatedMethodType());
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        int count = BoundedInput.claim(input, input.readVarInt(true), "lambda's captured arguments");
        Object[] captured = new Object[count];
        for (int i = 0; i < count; i++) {
            captured[i] = kryo.readClassAndObject(input);
        }
        Class<?> capturingClass = kryo.readClass(input).getType();
        SerializedLambda form = new SerializedLambda(capturingClass, input.readString(), input.readString(),
                input.readString(), input.readVarInt(true), input.readString(), input.readString(),
                input.readString(), input.readString(), captured);
        try {
            Method deserialize = capturingClass.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
            deserialize.setAccessible(true);
            return deserialize.invoke(null, form);
        } catch (InvocationTargetException e) {
            throw new SerializationException("Cannot deserialize continuation: " + capturingClass.getName()
                    + " refused to rebuild lambda " + form.getImplMethodName() + form.getImplMethodSignature()
                    + " (changed code, or a forged payload)", e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SerializationException("Cannot deserialize continuation: cannot rebuild a lambda of "
                    + capturingClass.getName() + "; it has no serializable lambdas, or its package is not open to procmobility", e);
        }
    }

    /** The {@code SerializedLambda} the compiler-generated {@code writeReplace} of a serializable lambda returns. */
    private static SerializedLambda serializedForm(Object lambda) {
        try {
            Method writeReplace = lambda.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return (SerializedLambda) writeReplace.invoke(lambda);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SerializationException("Cannot serialize lambda " + lambda.getClass().getName()
                    + ": its serialized form is not reachable (is its package open to procmobility?)", e);
        }
    }

    private static Class<?> capturingClass(SerializedLambda form, Class<?> lambdaClass) {
        String name = form.getCapturingClass().replace('/', '.');
        try {
            return Class.forName(name, false, lambdaClass.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new SerializationException("Cannot serialize lambda " + lambdaClass.getName()
                    + ": its capturing class " + name + " is not visible from the lambda's class loader", e);
        }
    }
}
