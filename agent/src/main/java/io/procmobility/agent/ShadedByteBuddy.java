package io.procmobility.agent;

import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Settings for the agent's own (relocated) copy of Byte Buddy, applied before Byte Buddy's classes
 * initialize.
 */
final class ShadedByteBuddy {
    /**
     * Byte Buddy's switch that turns off its {@code sun.misc.Unsafe} based features. The shade
     * plugin relocates this constant together with Byte Buddy, so in the agent jar it reads
     * {@code io.procmobility.agent.shaded.bytebuddy.safe} and concerns our copy only.
     */
    static final String SAFE_PROPERTY = "net.bytebuddy.safe";

    private ShadedByteBuddy() {
    }

    /**
     * Puts the relocated Byte Buddy in safe mode unless the user set the property: the agent needs
     * none of the Unsafe features (it writes no classes through Byte Buddy), and on JDK 24+ merely
     * probing for them prints "a terminally deprecated method in sun.misc.Unsafe has been called"
     * in the user's JVM. An unrelocated Byte Buddy (tests, or the agent used as a library) belongs to
     * the application, which may need Unsafe (mocking libraries do): it is left alone.
     */
    static void configure() {
        boolean relocated = AgentBuilder.class.getName().startsWith("io.procmobility.agent.shaded.");
        if (relocated && System.getProperty(SAFE_PROPERTY) == null) {
            System.setProperty(SAFE_PROPERTY, "true");
        }
    }
}
