package com.example.mobility;

import io.procmobility.continuation.Continuation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The one place where the integration tests call {@code io.procmobility.serial.ContinuationSerializer}.
 * Reflective because the serializer is written on another branch at the same time as the agent;
 * once it is on main, replace this with direct calls. Expects a no-argument constructor (or one
 * taking a {@link ClassLoader}), {@code byte[] serialize(Continuation)} and
 * {@code Continuation deserialize(byte[])} (optionally with a trailing {@link ClassLoader}).
 */
public final class SerializerBridge {
    static final String SERIALIZER = "io.procmobility.serial.ContinuationSerializer";

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
