package io.procmobility.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.instrumenter.ClassBytesLocator;
import io.procmobility.instrumenter.Instrumenter;
import io.procmobility.instrumenter.InstrumenterConfig;
import java.util.List;
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

    @Test
    void onlyIncludedClassesAndClassesNamingProcmobilityTypesMayBeSelected() {
        ClassFilter mobile = new ClassFilter(InstrumenterConfig.including("com.example.mobility.mobile.**"));
        assertThat(mobile.mayBeSelected("com/example/mobility/mobile/Journey",
                TestClasses.bytesOf("com.example.mobility.mobile.Journey"))).isTrue();
        assertThat(mobile.mayBeSelected("com/example/mobility/annotated/Legs",
                TestClasses.bytesOf("com.example.mobility.annotated.Legs"))).as("@Mobile").isTrue();
        assertThat(mobile.mayBeSelected("com/example/agenttest/Worker",
                TestClasses.bytesOf("com.example.agenttest.Worker"))).as("behaviour").isTrue();
        assertThat(mobile.mayBeSelected("com/example/agenttest/Plain",
                TestClasses.bytesOf("com.example.agenttest.Plain"))).isFalse();
        // Uses the runtime (names io/procmobility/...): goes on to the instrumenter, which says no.
        assertThat(mobile.mayBeSelected("com/example/mobility/MobilityMain",
                TestClasses.bytesOf("com.example.mobility.MobilityMain"))).isTrue();
    }

    /** The pre-filter never skips a class the instrumenter would instrument. */
    @Test
    void skippedClassesAreExactlyOnesTheInstrumenterLeavesAlone() {
        InstrumenterConfig config = InstrumenterConfig.including("com.example.mobility.mobile.**");
        ClassFilter mobile = new ClassFilter(config);
        Instrumenter instrumenter = new Instrumenter(config, ClassBytesLocator.of(app));
        for (String name : List.of("com.example.mobility.mobile.Journey", "com.example.mobility.annotated.Legs",
                "com.example.agenttest.Worker", "com.example.agenttest.Plain", "com.example.agenttest.Other",
                "com.example.mobility.MobilityMain")) {
            byte[] file = TestClasses.bytesOf(name);
            boolean instrumented = instrumenter.instrument(file) != null;
            if (!mobile.mayBeSelected(name.replace('.', '/'), file)) {
                assertThat(instrumented).as(name).isFalse();
            }
            if (name.contains("Journey") || name.contains("Legs") || name.contains("Worker")) {
                assertThat(instrumented).as(name + " is instrumented").isTrue();
            }
        }
    }

    @Test
    void containsFindsTheNeedleAnywhere() {
        byte[] needle = {1, 2, 3};
        assertThat(ClassFilter.contains(new byte[] {1, 2, 3}, needle)).isTrue();
        assertThat(ClassFilter.contains(new byte[] {0, 1, 1, 2, 3}, needle)).isTrue();
        assertThat(ClassFilter.contains(new byte[] {1, 2, 4, 1, 2}, needle)).isFalse();
        assertThat(ClassFilter.contains(new byte[] {1, 2}, needle)).isFalse();
    }
}
