package io.procmobility.maven;

import io.procmobility.instrumenter.InstrumentationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Turns an {@link InstrumentationException} into the build failure's text: source file and line
 * (found in the project's source roots from the class file's {@code SourceFile} attribute), class,
 * method, class file, what is wrong and how to fix it.
 */
final class FailureReport {
    private final String location;
    private final String text;

    private FailureReport(String location, String text) {
        this.location = location;
        this.text = text;
    }

    /**
     * @param classes the directory being instrumented
     * @param sourceRoots the project's source directories, searched for the class's source file
     */
    static FailureReport of(InstrumentationException e, Path classes, List<String> sourceRoots) {
        String className = e.className() == null ? "?" : e.className();
        Path classFile = e.classFile() != null ? Path.of(e.classFile())
                : classes.resolve(className.replace('.', '/') + ".class");
        String source = sourceFile(classFile, className, sourceRoots);
        String location = source + (e.line() > 0 ? ":" + e.line() : "");
        StringBuilder text = new StringBuilder("Cannot instrument class ").append(className);
        if (e.methodName() != null) {
            text.append(", method ").append(method(e.methodName()));
        }
        text.append(", at ").append(location);
        if (e.line() <= 0 && e.methodName() != null) {
            text.append(" (no line number in the class file)");
        }
        text.append(" (class file ").append(classFile).append("): ").append(e.problem());
        return new FailureReport(location, text.toString());
    }

    /** {@code path/to/Source.java:line}, for a compiler-style log line. */
    String location() {
        return location;
    }

    /** The whole message, one line. */
    String text() {
        return text;
    }

    /** {@code <init>(Ljava/lang/String;)V} becomes {@code <init>(java.lang.String)}; a bare name stays. */
    static String method(String nameAndDescriptor) {
        int paren = nameAndDescriptor.indexOf('(');
        if (paren < 0) {
            return nameAndDescriptor;
        }
        StringBuilder s = new StringBuilder(nameAndDescriptor.substring(0, paren)).append('(');
        try {
            Type[] arguments = Type.getArgumentTypes(nameAndDescriptor.substring(paren));
            for (int i = 0; i < arguments.length; i++) {
                s.append(i == 0 ? "" : ", ").append(arguments[i].getClassName());
            }
        } catch (RuntimeException malformed) {
            return nameAndDescriptor;
        }
        return s.append(')').toString();
    }

    /** The source file's path if it is under a source root, else its name inside its package. */
    private static String sourceFile(Path classFile, String className, List<String> sourceRoots) {
        String name = sourceFileAttribute(classFile);
        int dot = className.lastIndexOf('.');
        String packagePath = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
        if (name == null) {
            String outer = className.substring(dot + 1);
            int dollar = outer.indexOf('$');
            name = (dollar > 0 ? outer.substring(0, dollar) : outer) + ".java";
        }
        String relative = packagePath + name;
        for (String root : sourceRoots) {
            Path candidate = Path.of(root).resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate.toString();
            }
        }
        return relative;
    }

    private static String sourceFileAttribute(Path classFile) {
        try {
            String[] source = new String[1];
            new ClassReader(Files.readAllBytes(classFile)).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visitSource(String file, String debug) {
                    source[0] = file;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
            return source[0];
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
