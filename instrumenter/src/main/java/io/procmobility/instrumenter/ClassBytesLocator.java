package io.procmobility.instrumenter;

import java.io.IOException;
import java.io.InputStream;

/**
 * Finds the bytes of a class by internal name without loading it. The instrumenter uses it to
 * compute common superclasses for stack-map frames: loading classes from inside a class-file
 * transformer deadlocks or recurses.
 */
@FunctionalInterface
public interface ClassBytesLocator {
    /** The class file of {@code internalName} (e.g. {@code com/acme/Counter}), or {@code null} if unknown. */
    byte[] find(String internalName);

    /** Reads class files as resources of {@code loader} (the system loader's parent chain for {@code null}). */
    static ClassBytesLocator of(ClassLoader loader) {
        return internalName -> {
            String resource = internalName + ".class";
            try (InputStream in = loader == null
                    ? ClassLoader.getSystemResourceAsStream(resource) : loader.getResourceAsStream(resource)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        };
    }

    /** Tries {@code this}, then {@code other}. */
    default ClassBytesLocator orElse(ClassBytesLocator other) {
        return internalName -> {
            byte[] bytes = find(internalName);
            return bytes != null ? bytes : other.find(internalName);
        };
    }
}
