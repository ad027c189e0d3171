package io.procmobility.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.instrumenter.InstrumenterConfig;
import org.junit.jupiter.api.Test;

class ClassFilterTest {
    private final ClassLoader app = ClassFilterTest.class.getClassLoader();
    private final ClassFilter filter = new ClassFilter(InstrumenterConfig.builder()
            .include("com.acme.**").exclude("com.acme.gen.**").build());

    @Test
    void userClassesGoToTheInstrumentereEvenWhenNotIncluded() {
        // Not included, but may carry @Mobile: only the instrumenter can tell from the bytes.
        assertThat(filter.accepts(app, "org/other/Thing")).isTrue();
        assertThat(filter.accepts(app, "com/acme/Counter")).isTrue();
        assertThat(filter.accepts(app, "io/procmobility/process/MobileProcess")).isTrue();
        assertThat(filter.accepts(app, "io/procmobility/MobileServer")).isTrue();
    }

    @Test
    void neverJdkAgentByteBuddyAsmOrRuntimeInternals() {
        for (String name : new String[] {"java/lang/String", "javax/net/Foo", "jdk/internal/Misc", "sun/misc/Unsafe",
                "com/sun/Foo", "net/bytebuddy/ByteBuddy", "org/objectweb/asm/ClassReader",
                "io/procmobility/agent/ProcmobilityAgent", "io/procmobility/agent/shaded/asm/ClassReader",
                "io/procmobility/instrumenter/Instrumenter", "io/procmobility/internal/StackRecorder",
                "io/procmobility/continuation/Continuation", "io/procmobility/serial/ContinuationSerializer",
                "io/procmobility/Mobile"}) {
            assertThat(filter.accepts(app, name)).as(name).isFalse();
        }
    }

    @Test
    void excludedNullNamesAndBootOrPlatformClassesAreRejected() {
        assertThat(filter.accepts(app, "com/acme/gen/Parser")).isFalse();
        assertThat(filter.accepts(app, null)).isFalse();
        assertThat(filter.accepts(null, "com/acme/Counter")).isFalse();
        assertThat(filter.accepts(ClassLoader.getPlatformClassLoader(), "com/acme/Counter")).isFalse();
    }
}
