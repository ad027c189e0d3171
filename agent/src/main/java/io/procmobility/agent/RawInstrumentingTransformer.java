package io.procmobility.agent;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * The class-file transformer the JVM calls: hands the class file it is given to a raw
 * {@link ClassTransform} and returns that transform's result <em>as is</em>.
 *
 * <p>Why raw: the instrumenter records bytecode offsets of call sites in an annotation of the class
 * it writes. Re-writing the class through any other class writer (a Byte Buddy
 * {@code AgentBuilder.Transformer}, for one) may reorder the constant pool and so change
 * instruction lengths ({@code ldc} vs {@code ldc_w}) and every offset after them. The agent
 * registers this transformer with {@code Instrumentation.addTransformer} itself (see
 * {@link AgentInstaller}, and agent/README.md "Start-up cost" for why not through Byte Buddy's
 * {@code AgentBuilder}).
 *
 * <p>It never throws into class loading: any failure goes to the {@link InstrumentationListener}
 * ({@code onError}) and the class is defined untransformed.
 */
final class RawInstrumentingTransformer implements ClassFileTransformer {
    private final ClassFilter filter;
    private final ClassTransform transform;
    private final InstrumentationListener listener;
    private final InstrumentationObserver observer;
    /**
     * Stops re-entry on the same thread: reading other classes' bytes through a user class loader
     * may load classes, which calls this transformer again.
     */
    private final ThreadLocal<Boolean> busy = new ThreadLocal<>();

    RawInstrumentingTransformer(ClassFilter filter, ClassTransform transform, InstrumentationListener listener,
            InstrumentationObserver observer) {
        this.filter = filter;
        this.transform = transform;
        this.listener = listener;
        this.observer = observer;
    }

    /** The JVM calls this one (Java 9+); the module is passed on to the listener. */
    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        return doTransform(module, loader, className, classBeingRedefined, classfileBuffer);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        return doTransform(null, loader, className, classBeingRedefined, classfileBuffer);
    }

    private byte[] doTransform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            byte[] classfileBuffer) {
        // Load time only: a retransformation or redefinition cannot add the members the instrumenter
        // adds, and a class loaded before the agent may already have frames on some stack.
        if (classBeingRedefined != null || !filter.accepts(loader, className)) {
            return null;
        }
        if (!filter.mayBeSelected(className, classfileBuffer)) {
            return null; // not included, no @Mobile, no behaviour: the instrumenter would say no
        }
        if (busy.get() != null) {
            return null;
        }
        busy.set(Boolean.TRUE);
        String typeName = className.replace('/', '.');
        try {
            listener.onDiscovery(typeName, loader, module);
            byte[] transformed = transform.transform(loader, classfileBuffer);
            if (transformed != null) {
                observer.instrumented(className, loader, classfileBuffer, transformed);
            }
            return transformed; // exactly the instrumenter's bytes: offsets recorded in them stay true
        } catch (Throwable t) {
            try {
                listener.onError(typeName, loader, module, t);
            } catch (Throwable ignored) {
                // A failing listener must not break class loading either.
            }
            return null;
        } finally {
            try {
                listener.onComplete(typeName, loader, module);
            } catch (Throwable ignored) {
                // idem
            }
            busy.remove();
        }
    }
}
