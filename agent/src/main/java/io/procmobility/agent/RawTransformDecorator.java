package io.procmobility.agent;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Replaces the transformer Byte Buddy's {@code AgentBuilder} would register with a
 * {@link RawInstrumentingTransformer} around it, so that the JVM defines exactly the bytes the
 * instrumenter wrote. This is Byte Buddy's documented hook for wrapping the class-file transformer
 * ({@link AgentBuilder#with(AgentBuilder.TransformerDecorator)}).
 */
final class RawTransformDecorator implements AgentBuilder.TransformerDecorator {
    private final ClassFilter filter;
    private final ClassTransform transform;
    private final AgentBuilder.Listener listener;
    private final InstrumentationObserver observer;

    RawTransformDecorator(ClassFilter filter, ClassTransform transform, AgentBuilder.Listener listener,
            InstrumentationObserver observer) {
        this.filter = filter;
        this.transform = transform;
        this.listener = listener;
        this.observer = observer;
    }

    @Override
    public ResettableClassFileTransformer decorate(ResettableClassFileTransformer classFileTransformer) {
        return new RawInstrumentingTransformer(classFileTransformer, filter, transform, listener, observer);
    }
}
