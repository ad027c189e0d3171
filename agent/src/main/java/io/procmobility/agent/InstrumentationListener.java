package io.procmobility.agent;

/**
 * Told about each class the agent's transformer takes on: discovery, then an error if the class
 * could not be instrumented (it is then loaded unchanged), then completion. The agent's counterpart
 * of Byte Buddy's {@code AgentBuilder.Listener}, without Byte Buddy (see agent/README.md, "Start-up
 * cost"). Exceptions thrown by a listener are contained by the transformer; they never reach class
 * loading.
 */
interface InstrumentationListener {
    /** A listener that does nothing. */
    InstrumentationListener NONE = new InstrumentationListener() {
    };

    /**
     * The class is about to go to the instrumenter.
     *
     * @param typeName binary name, e.g. {@code com.acme.Counter}
     * @param module the class's module, or {@code null} when the JVM did not say
     */
    default void onDiscovery(String typeName, ClassLoader loader, Module module) {
    }

    /** The class could not be instrumented and is loaded unchanged. */
    default void onError(String typeName, ClassLoader loader, Module module, Throwable throwable) {
    }

    /** The transformer is done with the class (after an error too). */
    default void onComplete(String typeName, ClassLoader loader, Module module) {
    }

    /** Tells {@code listeners} in order. */
    static InstrumentationListener all(InstrumentationListener... listeners) {
        InstrumentationListener[] copy = listeners.clone();
        return new InstrumentationListener() {
            @Override
            public void onDiscovery(String typeName, ClassLoader loader, Module module) {
                for (InstrumentationListener l : copy) {
                    l.onDiscovery(typeName, loader, module);
                }
            }

            @Override
            public void onError(String typeName, ClassLoader loader, Module module, Throwable throwable) {
                for (InstrumentationListener l : copy) {
                    l.onError(typeName, loader, module, throwable);
                }
            }

            @Override
            public void onComplete(String typeName, ClassLoader loader, Module module) {
                for (InstrumentationListener l : copy) {
                    l.onComplete(typeName, loader, module);
                }
            }
        };
    }
}
