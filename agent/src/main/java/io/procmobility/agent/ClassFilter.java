package io.procmobility.agent;

import io.procmobility.instrumenter.InstrumenterConfig;

/**
 * The cheap test run for every class the JVM loads, before any byte is parsed: rejects what must
 * never be instrumented. Everything else goes to the instrumenter, which decides from the class
 * file (include patterns or {@code @Mobile}) and returns quickly for the rest. Filtering by include
 * pattern here would miss {@code @Mobile} classes outside the patterns.
 */
final class ClassFilter {
    /**
     * Internal-name prefixes never instrumented: the JDK (instrumented code calls into the
     * procmobility runtime, which the boot and platform loaders cannot see), Byte Buddy and ASM
     * (relocated or not: they run inside the transformer), the agent and instrumenter themselves,
     * and the runtime's continuation machinery, which instrumented code calls (instrumenting it would
     * recurse). Other {@code io.procmobility} packages (behaviours) may sit on a mobile stack, so
     * they go through.
     */
    private static final String[] NEVER = {
        "java/", "javax/", "jdk/", "sun/", "com/sun/",
        "net/bytebuddy/", "org/objectweb/asm/",
        "io/procmobility/agent/", "io/procmobility/instrumenter/",
        "io/procmobility/internal/", "io/procmobility/continuation/", "io/procmobility/serial/",
    };

    /** The annotation itself; exact, so that {@code io/procmobility/MobileSomething} still goes through. */
    private static final String MOBILE = "io/procmobility/Mobile";

    private final InstrumenterConfig config;
    private final ClassLoader platformLoader = ClassLoader.getPlatformClassLoader();

    ClassFilter(InstrumenterConfig config) {
        this.config = config;
    }

    /**
     * True when {@code internalName}, defined by {@code loader}, may be handed to the instrumenter.
     * {@code null} names (some hidden or anonymous classes) and the boot and platform loaders'
     * classes are rejected.
     */
    boolean accepts(ClassLoader loader, String internalName) {
        if (internalName == null || loader == null || loader == platformLoader) {
            return false;
        }
        for (String prefix : NEVER) {
            if (internalName.startsWith(prefix)) {
                return false;
            }
        }
        return !internalName.equals(MOBILE) && !config.excluded(internalName);
    }
}
