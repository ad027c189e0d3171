package io.procmobility.agent;

import io.procmobility.instrumenter.InstrumenterConfig;

/**
 * The cheap tests run for every class the JVM loads, before any byte is parsed: {@link #accepts}
 * rejects what must never be instrumented; {@link #mayBeSelected} lets through only classes the
 * instrumenter could select. The instrumenter decides from the parsed class file (include patterns,
 * {@code @Mobile}, mobile behaviours); parsing every class of an application into a tree just to
 * say no costs start-up time, so the agent skips the classes that cannot be selected.
 */
final class ClassFilter {
    /**
     * Internal-name prefixes never instrumented: the JDK (instrumented code calls into the
     * procmobility runtime, which the boot and platform loaders cannot see), ASM (relocated or not:
     * it runs inside the transformer), an application's own Byte Buddy (generated-code machinery,
     * never on a mobile stack), the agent and instrumenter themselves,
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

    /**
     * Every reason besides an include pattern for the instrumenter to select a class names a
     * procmobility type ({@code Lio/procmobility/Mobile;}, a superclass or interface in
     * {@code io/procmobility/behaviour/}), and such a name is a UTF-8 entry of the class file's
     * constant pool. Searching the raw bytes for this prefix is a superset test: it never skips a
     * class the instrumenter would select.
     */
    private static final byte[] PROCMOBILITY = "io/procmobility/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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

    /**
     * False when the instrumenter would certainly leave {@code classFile} alone: its name matches
     * no include pattern and it mentions no {@code io/procmobility/} name (so no {@code @Mobile}
     * and no mobile behaviour). Call after {@link #accepts}.
     */
    boolean mayBeSelected(String internalName, byte[] classFile) {
        return config.matches(internalName) || contains(classFile, PROCMOBILITY);
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
