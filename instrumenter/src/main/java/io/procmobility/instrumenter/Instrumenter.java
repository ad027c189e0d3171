package io.procmobility.instrumenter;

/**
 * Makes classes capturable: a pure {@code byte[] -> byte[]} transform, shared by the agent and
 * the Maven plugin. Thread-safe; one instance can serve many class loaders.
 */
public final class Instrumenter {
    private final InstrumenterConfig config;
    private final ClassBytesLocator locator;

    /**
     * @param config which classes to instrument
     * @param locator finds other classes' bytes (for common superclasses), without loading them
     */
    public Instrumenter(InstrumenterConfig config, ClassBytesLocator locator) {
        this.config = config;
        this.locator = locator;
    }

    /**
     * Instruments one class file.
     *
     * @return the transformed class file, or {@code null} when the class is left as it is (not
     *     selected, already instrumented, or without any suspendable call)
     * @throws InstrumentationException naming class, method and line when the class cannot be
     *     instrumented (e.g. a suspension inside a constructor)
     */
    public byte[] instrument(byte[] classBytes) {
        return null;
    }
}
