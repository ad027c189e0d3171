package io.procmobility.instrumenter;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

/**
 * Super classes and interfaces read from class files, never from loaded classes (loading from a
 * transformer deadlocks or recurses). One instance serves one transform, so two class loaders'
 * classes of the same name never mix.
 */
final class ClassHierarchy {
    static final String OBJECT = "java/lang/Object";

    /** Header of one class file. */
    record Header(String name, String superName, String[] interfaces, boolean isInterface) {
    }

    private final ClassBytesLocator locator;
    private final Map<String, Header> headers = new HashMap<>();

    ClassHierarchy(ClassBytesLocator locator, ClassNode current) {
        this.locator = locator;
        headers.put(current.name, new Header(current.name, current.superName,
                current.interfaces.toArray(new String[0]), (current.access & Opcodes.ACC_INTERFACE) != 0));
    }

    Header header(String name) {
        Header header = headers.get(name);
        if (header == null) {
            byte[] bytes = locator.find(name);
            if (bytes == null) {
                throw new TypeNotFoundException(name);
            }
            ClassReader reader = new ClassReader(bytes);
            header = new Header(name, reader.getSuperName(), reader.getInterfaces(),
                    (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0);
            headers.put(name, header);
        }
        return header;
    }

    boolean isInterface(String name) {
        return header(name).isInterface();
    }

    /** Super class, {@code null} for {@code java/lang/Object} and interfaces' root. */
    String superName(String name) {
        return OBJECT.equals(name) ? null : header(name).superName();
    }

    /** True when a value of class {@code from} can be assigned to a variable of class {@code to}. */
    boolean isAssignable(String to, String from) {
        if (to.equals(from) || OBJECT.equals(to)) {
            return true;
        }
        if (isInterface(to)) {
            return implementsInterface(from, to);
        }
        for (String c = from; c != null; c = superName(c)) {
            if (c.equals(to)) {
                return true;
            }
        }
        return false;
    }

    private boolean implementsInterface(String type, String itf) {
        for (String c = type; c != null; c = superName(c)) {
            if (c.equals(itf)) {
                return true;
            }
            for (String i : header(c).interfaces()) {
                if (implementsInterface(i, itf)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The most specific common super class, as the JVM verifier merges types: interfaces merge to Object. */
    String commonSuperClass(String a, String b) {
        if (isAssignable(a, b)) {
            return a;
        }
        if (isAssignable(b, a)) {
            return b;
        }
        if (isInterface(a) || isInterface(b)) {
            return OBJECT;
        }
        for (String c = superName(a); c != null; c = superName(c)) {
            if (isAssignable(c, b)) {
                return c;
            }
        }
        return OBJECT;
    }

    /** A class needed for frame computation could not be found. */
    static final class TypeNotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String type;

        TypeNotFoundException(String type) {
            super("class " + type.replace('/', '.') + " not found");
            this.type = type;
        }

        String type() {
            return type;
        }
    }
}
