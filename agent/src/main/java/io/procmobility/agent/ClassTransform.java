package io.procmobility.agent;

/**
 * A raw class-file transform: the bytes it returns are the bytes the JVM defines, unchanged. The
 * agent's only production implementation is {@link InstrumenterTransform}; tests plug in others.
 */
@FunctionalInterface
interface ClassTransform {
    /**
     * Transforms one class file defined by {@code loader}.
     *
     * @return the new class file, or {@code null} to leave the class as it is
     * @throws RuntimeException when the class cannot be transformed (the agent reports it and loads
     *     the class untransformed)
     */
    byte[] transform(ClassLoader loader, byte[] classFile);
}
