package io.procmobility.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Makes uninstrumented fixtures runnable without a continuation: every
 * {@code Continuation.suspend(Object)} becomes the identity (the argument stays as the result) and
 * every {@code Continuation.suspend()} yields {@code null}. The calls are redirected to counting
 * stand-ins here, so the harness knows how many suspensions the plain run went through.
 */
public final class BaselineSuspend {
    private static final String CONTINUATION = "io/procmobility/continuation/Continuation";
    private static final String SELF = "io/procmobility/testing/BaselineSuspend";
    private static final AtomicInteger COUNT = new AtomicInteger();

    private BaselineSuspend() {
    }

    /** Stand-in for {@code Continuation.suspend(Object)}: the identity. */
    public static Object suspend(Object value) {
        COUNT.incrementAndGet();
        return value;
    }

    /** Stand-in for {@code Continuation.suspend()}: {@code null}. */
    public static Object suspend() {
        COUNT.incrementAndGet();
        return null;
    }

    /** Suspensions counted since the last call, and resets the count. */
    public static int takeCount() {
        return COUNT.getAndSet(0);
    }

    /** Copies of {@code classes} with every suspension primitive call redirected to this class. */
    public static Map<String, byte[]> strip(Map<String, byte[]> classes) {
        Map<String, byte[]> result = new HashMap<>();
        classes.forEach((name, bytes) -> result.put(name, strip(bytes)));
        return result;
    }

    /** One class file with its suspension primitive calls redirected. */
    public static byte[] strip(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String mname, String mdesc, boolean itf) {
                        if (opcode == Opcodes.INVOKESTATIC && owner.equals(CONTINUATION) && mname.equals("suspend")) {
                            super.visitMethodInsn(opcode, SELF, mname, mdesc, false);
                        } else {
                            super.visitMethodInsn(opcode, owner, mname, mdesc, itf);
                        }
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
