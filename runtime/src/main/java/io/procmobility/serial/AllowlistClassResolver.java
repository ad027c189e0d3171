package io.procmobility.serial;

import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ExternalizableSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.ObjectMap;
import java.lang.invoke.MethodType;
import java.util.HashSet;
import java.util.Set;

/**
 * Kryo class resolver that implements "registration required, except for allowlisted classes".
 *
 * <p>Registered classes travel as their explicit ID. A class that is not registered but is in the
 * {@link SerialAllowlist} is registered on first use and travels by name; any other class is
 * refused. On read, a class name is checked against the same rules <em>before</em> the class is
 * loaded (without initialization, through the receiving side's class loader), because the bytes may
 * come from the network.
 *
 * <p>Why not Kryo's own {@code setRegistrationRequired(true)}: it throws before any hook is asked,
 * so allowlisted classes could not travel by name, and {@link DefaultClassResolver#reset()} then
 * keeps name IDs across payloads, which breaks pooled instances.
 */
final class AllowlistClassResolver extends DefaultClassResolver {
    private final SerialAllowlist allowlist;
    private final ClassLoader loader;
    /** Names of classes registered with an ID: arrays of them are allowed too. */
    private final Set<String> registeredNames = new HashSet<>();

    AllowlistClassResolver(SerialAllowlist allowlist, ClassLoader loader) {
        this.allowlist = allowlist;
        this.loader = loader;
    }

    @Override
    public Registration register(Registration registration) {
        Registration result = super.register(registration);
        if (registration.getId() != NAME) {
            Class<?> type = registration.getType();
            registeredNames.add(type.getName());
            if (type.isPrimitive()) {
                // Kryo serves the wrapper with the primitive's registration: Integer[] is fine too.
                registeredNames.add(MethodType.methodType(type).wrap().returnType().getName());
            }
        }
        return result;
    }

    /** Called by Kryo for a class it has no registration for: only allowlisted classes get one. */
    @Override
    public Registration registerImplicit(Class type) {
        Class<?> enumType = enumOf(type);
        if (enumType != null && enumType != type) {
            // An enum constant with a body is a subclass; it travels as its enum (see writeName).
            return kryo.getRegistration(enumType);
        }
        if (!isAllowed(type)) {
            throw new Rejection(Rejection.Kind.CLASS_NOT_ALLOWED, type, type);
        }
        Serializer<?> serializer = type.isArray() && !type.getComponentType().isPrimitive()
                ? new BoundedSerializers.ObjectArray(type.getComponentType())
                : kryo.getDefaultSerializer(type);
        if (serializer instanceof JavaSerializer || serializer instanceof ExternalizableSerializer) {
            // e.g. @DefaultSerializer(JavaSerializer.class) on a user class: never on our wire.
            throw new Rejection(Rejection.Kind.JAVA_SERIALIZATION, type, type);
        }
        return register(new Registration(type, serializer, NAME));
    }

    /** Writes the registered type's name, so an enum constant body travels as its enum class. */
    @Override
    protected void writeName(Output output, Class type, Registration registration) {
        super.writeName(output, registration.getType(), registration);
    }

    /** Resolves a class name read from the payload: checked first, then loaded without initialization. */
    @Override
    protected Class getTypeByName(String className) {
        Class<?> cached = super.getTypeByName(className);
        if (cached != null) {
            return cached;
        }
        if (!isAllowedName(className)) {
            throw new SerializationException("Cannot deserialize continuation: the payload names class "
                    + printable(className) + ", which is not allowed by the receiving side's SerialAllowlist;"
                    + " the class was not loaded. If it may travel, allow it with SerialAllowlist.builder().allowClass(\""
                    + printable(className) + "\") on the receiving node.");
        }
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SerializationException("Cannot deserialize continuation: class " + className
                    + " is allowed but cannot be loaded by the receiving class loader " + loader, e);
        }
        if (nameToClass == null) {
            nameToClass = new ObjectMap<>();
        }
        nameToClass.put(className, type);
        return type;
    }

    /** True when {@code type} (or, for arrays, its element class) is registered or allowlisted. */
    boolean isAllowed(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element.isPrimitive()) {
            return true;
        }
        Registration registration = getRegistration(element);
        if (registration != null && registration.getId() != NAME) {
            return true;
        }
        return allowlist.allows(element.getName());
    }

    /** The same decision as {@link #isAllowed(Class)} from a binary or array descriptor name, before loading. */
    boolean isAllowedName(String name) {
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        if (dims > 255) {
            return false;
        }
        String element = name;
        if (dims > 0) {
            String rest = name.substring(dims);
            if (rest.length() == 1) {
                return "ZBCSIJFD".contains(rest);
            }
            if (!rest.startsWith("L") || !rest.endsWith(";")) {
                return false;
            }
            element = rest.substring(1, rest.length() - 1);
        }
        return registeredNames.contains(element) || allowlist.allows(element);
    }

    /** The enum class of an enum constant (with or without a body), or null. */
    private static Class<?> enumOf(Class<?> type) {
        for (Class<?> c = type; c != null && c != Enum.class; c = c.getSuperclass()) {
            if (c.isEnum()) {
                return c;
            }
        }
        return null;
    }

    /** Keeps hostile names from flooding logs and messages. */
    private static String printable(String name) {
        String cut = name.length() > 200 ? name.substring(0, 200) + "..." : name;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
