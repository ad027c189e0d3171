package com.example.mobility;

import io.procmobility.continuation.Continuation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The one place where the integration tests call {@code io.procmobility.serial.ContinuationSerializer}.
 * Reflective because the serializer is written on another branch at the same time as the agent;
 * once it is on main, replace this with the direct calls
 * {@code new ContinuationSerializer(SerialAllowlist.builder().allowPackage("com.example.mobility.**").build(), loader)},
 * {@code serialize(Continuation)} and {@code deserialize(byte[])} (the serializer branch's API).
 */
public final class SerializerBridge {
    static final String SERIALIZER = "io.procmobility.serial.ContinuationSerializer";
    static final String ALLOWLIST = "io.procmobility.serial.SerialAllowlist";
    /** The fixtures' classes the continuation's frames and target refer to. */
    static final String ALLOWED_PACKAGE = "com.example.mobility.**";

    private SerializerBridge() {
    }

    /** True when the runtime on the class path has the serializer. */
    public static boolean available() {
        try {
            Class.forName(SERIALIZER, false, SerializerBridge.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static byte[] serialize(Continuation c) throws Exception {
        Object serializer = newSerializer();
        for (Method m : serializer.getClass().getMethods()) {
            if (m.getName().equals("serialize") && m.getParameterCount() == 1
                    && m.getParameterTypes()[0].isAssignableFrom(Continuation.class) && m.getReturnType() == byte[].class) {
                return (byte[]) invoke(m, serializer, c);
            }
        }
        throw new IllegalStateException(SERIALIZER + " has no byte[] serialize(Continuation); update SerializerBridge");
    }

    static Continuation deserialize(byte[] bytes) throws Exception {
        Object serializer = newSerializer();
        ClassLoader loader = SerializerBridge.class.getClassLoader();
        for (Method m : serializer.getClass().getMethods()) {
            if (!m.getName().equals("deserialize") || m.getParameterCount() == 0 || m.getParameterTypes()[0] != byte[].class) {
                continue;
            }
            if (m.getParameterCount() == 1) {
                return (Continuation) invoke(m, serializer, bytes);
            }
            if (m.getParameterCount() == 2 && m.getParameterTypes()[1] == ClassLoader.class) {
                return (Continuation) invoke(m, serializer, bytes, loader);
            }
        }
        throw new IllegalStateException(SERIALIZER + " has no Continuation deserialize(byte[]); update SerializerBridge");
    }

    private static Object newSerializer() throws Exception {
        Class<?> type = Class.forName(SERIALIZER);
        ClassLoader loader = SerializerBridge.class.getClassLoader();
        for (Constructor<?> constructor : type.getConstructors()) {
            Class<?>[] params = constructor.getParameterTypes();
            if (params.length == 2 && params[0].getName().equals(ALLOWLIST) && params[1] == ClassLoader.class) {
                Object builder = params[0].getMethod("builder").invoke(null);
                builder.getClass().getMethod("allowPackage", String.class).invoke(builder, ALLOWED_PACKAGE);
                Object allowlist = builder.getClass().getMethod("build").invoke(builder);
                return constructor.newInstance(allowlist, loader);
            }
        }
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.getParameterCount() == 0) {
                return constructor.newInstance();
            }
        }
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == ClassLoader.class) {
                return constructor.newInstance(SerializerBridge.class.getClassLoader());
            }
        }
        throw new IllegalStateException(SERIALIZER + " has no constructor SerializerBridge knows; update SerializerBridge");
    }

    private static Object invoke(Method m, Object target, Object... args) throws Exception {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}
