package io.procmobility.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Class files and class loaders for the agent's unit tests. */
final class TestClasses {
    private TestClasses() {
    }

    /** The class file of {@code type} from the test class path. */
    static byte[] bytesOf(String binaryName) {
        String resource = binaryName.replace('.', '/') + ".class";
        try (InputStream in = TestClasses.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Defines {@code com.example.**} classes itself (from the test class path), so each test loads them afresh. */
    static final class FreshLoader extends ClassLoader {
        FreshLoader() {
            super("fresh", TestClasses.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("com.example.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] bytes = bytesOf(name);
                    c = defineClass(name, bytes, 0, bytes.length);
                }
                return c;
            }
        }
    }

    /**
     * A raw transform whose output differs from anything Byte Buddy would write: a fresh ClassWriter
     * (no constant pool copied from the reader) with a marker constant first, so every constant index
     * moves; and {@code "hello"} becomes {@code "raw"} so a run shows the transform was applied.
     * Remembers what it returned per internal name.
     */
    static final class RewritingTransform implements ClassTransform {
        final Map<String, byte[]> returned = new ConcurrentHashMap<>();

        @Override
        public byte[] transform(ClassLoader loader, byte[] classFile) {
            ClassReader reader = new ClassReader(classFile);
            if (!reader.getClassName().startsWith("com/example/")) {
                return null;
            }
            ClassWriter writer = new ClassWriter(0);
            writer.newUTF8("procmobility raw-bytes marker");
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                        @Override
                        public void visitLdcInsn(Object value) {
                            super.visitLdcInsn("hello".equals(value) ? "raw" : value);
                        }
                    };
                }
            }, 0);
            byte[] out = writer.toByteArray();
            returned.put(reader.getClassName(), out);
            return out;
        }
    }
}
