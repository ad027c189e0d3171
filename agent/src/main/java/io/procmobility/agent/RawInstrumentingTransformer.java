package io.procmobility.agent;

import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.utility.JavaModule;

/**
 * The class-file transformer the JVM calls: hands the class file it is given to a raw
 * {@link ClassTransform} and returns that transform's result <em>as is</em>.
 *
 * <p>Why raw: the instrumenter records bytecode offsets of call sites in an annotation of the class
 * it writes. A Byte Buddy {@code AgentBuilder.Transformer} would rewrite the class through Byte
 * Buddy's own ClassWriter, which may reorder the constant pool and so change instruction lengths
 * ({@code ldc} vs {@code ldc_w}) and every offset after them. So this transformer is installed
 * through {@link AgentBuilder.TransformerDecorator} (see {@link RawTransformDecorator}): Byte Buddy
 * still installs, registers and resets it ({@link ResettableClassFileTransformer}), but no Byte
 * Buddy type writer ever touches the bytes. The delegate (Byte Buddy's executing transformer, with
 * no transformations) is kept only for {@code reset}.
 *
 * <p>It never throws into class loading: any failure goes to the {@link AgentBuilder.Listener}
 * ({@code onError}) and the class is defined untransformed.
 */
final class RawInstrumentingTransformer extends ResettableClassFileTransformer.WithDelegation {
    private final ClassFilter filter;
    private final ClassTransform transform;
    private final AgentBuilder.Listener listener;
    private final InstrumentationObserver observer;
    /**
     * Stops re-entry on the same thread: reading other classes' bytes through a user class loader
     * may load classes, which calls this transformer again.
     */
    private final AgentBuilder.CircularityLock lock = new AgentBuilder.CircularityLock.Default();

    RawInstrumentingTransformer(ResettableClassFileTransformer delegate, ClassFilter filter, ClassTransform transform,
            AgentBuilder.Listener listener, InstrumentationObserver observer) {
        super(delegate);
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
        if (!lock.acquire()) {
            return null;
        }
        String typeName = className.replace('/', '.');
        JavaModule javaModule = module == null ? null : JavaModule.of(module);
        try {
            listener.onDiscovery(typeName, loader, javaModule, false);
            byte[] transformed = transform.transform(loader, classfileBuffer);
            if (transformed != null) {
                observer.instrumented(className, loader, classfileBuffer, transformed);
            }
            return transformed; // exactly the instrumenter's bytes: offsets recorded in them stay true
        } catch (Throwable t) {
            try {
                listener.onError(typeName, loader, javaModule, false, t);
            } catch (Throwable ignored) {
                // A failing listener must not break class loading either.
            }
            return null;
        } finally {
            try {
                listener.onComplete(typeName, loader, javaModule, false);
            } catch (Throwable ignored) {
                // idem
            }
            lock.release();
        }
    }
}
