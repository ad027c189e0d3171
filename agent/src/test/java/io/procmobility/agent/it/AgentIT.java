package io.procmobility.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.instrumenter.ClassBytesLocator;
import io.procmobility.instrumenter.Instrumenter;
import io.procmobility.instrumenter.InstrumenterConfig;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shaded agent jar in real JVMs: {@code java -javaagent:procmobility-agent.jar=... MobilityMain}. */
class AgentIT {
    static final String INCLUDE = "include=com.example.mobility.mobile.**";

    /** The output of a journey suspended and resumed in one JVM. */
    static final List<String> LOCAL_JOURNEY = List.of(
            "journey starts",
            "suspended: leg0",
            "leg 0 total=1 trail=0",
            "suspended: leg1",
            "leg 1 total=12 trail=01",
            "suspended: leg2",
            "leg 2 total=33 trail=012",
            "journey ends total=33");

    @Test
    void includedAndMobileClassesSuspendAndResume() throws Exception {
        ForkedJvm.Result run = ForkedJvm.run(ForkedJvm.workDir("local"), INCLUDE, "local");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).isEqualTo(LOCAL_JOURNEY);
        assertThat(run.err()).as(run.toString()).doesNotContain("ERROR");
    }

    @Test
    void withoutTheAgentTheCodeCannotSuspend() throws Exception {
        ForkedJvm.Result run = ForkedJvm.run(ForkedJvm.workDir("no-agent"), null, "local");
        assertThat(run.exitCode()).as(run.toString()).isNotZero();
        assertThat(run.out()).as(run.toString()).doesNotContain("suspended: leg0");
    }

    @Test
    void worksOnJava25() throws Exception {
        Path jdk25 = Path.of(System.getProperty("jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        Assumptions.assumeTrue(Files.isExecutable(jdk25.resolve("bin/java")), "no JDK 25 at " + jdk25);
        ForkedJvm.Result run = ForkedJvm.runOn(jdk25, ForkedJvm.workDir("local-25"), INCLUDE, "local");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).isEqualTo(LOCAL_JOURNEY);
        // No Byte Buddy at run time, so no probing of sun.misc.Unsafe: no deprecation warning in the user's JVM.
        assertThat(run.err()).as(run.toString()).doesNotContain("sun.misc.Unsafe");
    }

    /**
     * The raw-bytes constraint: the instrumenter records call-site offsets in the class it writes, so
     * the JVM must define exactly its output. {@code dump} writes the bytes the agent returned to the
     * JVM; they must equal what the instrumenter produces when called directly on the same class file.
     * (SelfAttachTest shows, through retransformation, that the JVM defines what the agent returns.)
     */
    @Test
    void definedBytesAreExactlyTheInstrumentersOutput() throws Exception {
        Path dir = ForkedJvm.workDir("dump");
        Path dump = dir.resolve("classes");
        ForkedJvm.Result run = ForkedJvm.run(dir, INCLUDE + ",verbose,dump=" + dump, "local");
        assertThat(run.exitCode()).as(run.toString()).isZero();

        InstrumenterConfig config = InstrumenterConfig.including("com.example.mobility.mobile.**");
        ClassLoader loader = AgentIT.class.getClassLoader();
        Instrumenter instrumenter = new Instrumenter(config, ClassBytesLocator.of(loader));
        for (String name : List.of("com/example/mobility/mobile/Journey", "com/example/mobility/annotated/Legs")) {
            Path dumped = dump.resolve(name + ".class");
            assertThat(dumped).as(run.toString()).exists();
            byte[] direct = instrumenter.instrument(classFile(loader, name));
            assertThat(direct).as(name + " is instrumented").isNotNull();
            assertThat(Files.readAllBytes(dumped)).as(name).isEqualTo(direct);
            assertThat(run.err()).contains("[procmobility-agent] instrumented " + name.replace('/', '.') + " (");
        }
        // Neither included nor @Mobile: left alone.
        assertThat(dump.resolve("com/example/mobility/MobilityMain.class")).doesNotExist();
        assertThat(listClasses(dump)).containsExactly("com/example/mobility/annotated/Legs.class",
                "com/example/mobility/mobile/Journey.class");
    }

    @Test
    void aClassThatCannotBeInstrumentedIsReportedAndLoadedUnchanged() throws Exception {
        ForkedJvm.Result run = ForkedJvm.run(ForkedJvm.workDir("broken"), INCLUDE, "broken");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString())
                .containsExactly("loaded untransformed: suspend() outside a continuation threw IllegalStateException");
        assertThat(run.err()).as(run.toString())
                .contains("[procmobility-agent] ERROR Cannot instrument com.example.mobility.broken.SuspendingConstructor.<init>")
                .contains("(line ")
                .contains("is loaded WITHOUT instrumentation");
    }

    @Test
    void anUnknownOptionStopsStartUpWithTheListOfValidOptions() throws Exception {
        ForkedJvm.Result run = ForkedJvm.run(ForkedJvm.workDir("bad-option"), "inclde=com.example.**", "noop");
        assertThat(run.exitCode()).as(run.toString()).isNotZero();
        assertThat(run.out()).as(run.toString()).doesNotContain("noop");
        assertThat(run.err()).as(run.toString())
                .contains("[procmobility-agent] ERROR not started (-javaagent): Unknown procmobility agent option 'inclde'")
                .contains("include=PATTERN[;PATTERN...], exclude=PATTERN[;PATTERN...], verbose, dump=DIRECTORY");
    }

    @Test
    void shadedJarIsSelfContainedWithRelocatedAsmAndNoByteBuddyButItsAttachHelper() throws Exception {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            Manifest manifest = jar.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Premain-Class")).isEqualTo("io.procmobility.agent.ProcmobilityAgent");
            assertThat(manifest.getMainAttributes().getValue("Agent-Class")).isEqualTo("io.procmobility.agent.ProcmobilityAgent");
            assertThat(manifest.getMainAttributes().getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(manifest.getMainAttributes().getValue("Can-Redefine-Classes")).isEqualTo("true");
            List<String> classes = Collections.list(jar.entries()).stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".class")).toList();
            assertThat(classes).contains("io/procmobility/agent/ProcmobilityAgent.class",
                    "io/procmobility/instrumenter/Instrumenter.class",
                    "io/procmobility/agent/shaded/asm/ClassReader.class",
                    "io/procmobility/agent/shaded/asm/tree/ClassNode.class",
                    "io/procmobility/agent/shaded/bytebuddy/agent/ByteBuddyAgent.class");
            // Byte Buddy proper (AgentBuilder & co.) is not needed at run time: see README "Start-up cost".
            assertThat(classes).noneMatch(n -> n.startsWith("io/procmobility/agent/shaded/bytebuddy/")
                    && !n.startsWith("io/procmobility/agent/shaded/bytebuddy/agent/"));
            assertThat(classes).noneMatch(n -> n.startsWith("io/procmobility/agent/shaded/bytebuddy/agent/builder/"));
            assertThat(classes).allSatisfy(name -> assertThat(name).satisfiesAnyOf(
                    n -> assertThat(n).startsWith("io/procmobility/agent/"),
                    n -> assertThat(n).startsWith("io/procmobility/instrumenter/")));
        }
    }

    private static byte[] classFile(ClassLoader loader, String internalName) throws Exception {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in.readAllBytes();
        }
    }

    private static List<String> listClasses(Path root) throws Exception {
        List<String> names = new ArrayList<>();
        try (var files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(p -> names.add(root.relativize(p).toString().replace('\\', '/')));
        }
        Collections.sort(names);
        return names;
    }
}
