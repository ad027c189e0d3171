package io.procmobility.agent;

/**
 * Told about every class the agent instrumented, with the exact bytes handed to the JVM.
 * Implementations should not throw (the transformer contains it: the class is then reported as an
 * error and loaded unchanged).
 */
@FunctionalInterface
interface InstrumentationObserver {
    /**
     * @param internalName e.g. {@code com/acme/Counter}
     * @param loader the defining class loader
     * @param original the class file as the JVM offered it
     * @param transformed the class file the JVM defines (do not modify)
     */
    void instrumented(String internalName, ClassLoader loader, byte[] original, byte[] transformed);

    /** Tells {@code observers} in order. */
    static InstrumentationObserver all(InstrumentationObserver... observers) {
        InstrumentationObserver[] copy = observers.clone();
        return (name, loader, original, transformed) -> {
            for (InstrumentationObserver o : copy) {
                o.instrumented(name, loader, original, transformed);
            }
        };
    }
}
