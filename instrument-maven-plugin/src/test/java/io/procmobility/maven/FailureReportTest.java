package io.procmobility.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.instrumenter.ClassBytesLocator;
import io.procmobility.instrumenter.InstrumentationException;
import io.procmobility.instrumenter.InstrumenterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureReportTest {
    private static final String SOURCE = "src/test/java/com/example/plugintest/broken/SuspendingConstructor.java";

    @TempDir
    Path dir;

    @Test
    void namesTheSourceFileAndLineTheClassTheMethodTheClassFileAndTheFix() throws Exception {
        Fixtures.copy(dir, Fixtures.PACKAGE + "broken/", "SuspendingConstructor");
        InstrumentationException e = failure();
        int line = lineOf(Path.of(SOURCE), "SUSPENDS-HERE");

        FailureReport report = FailureReport.of(e, dir, List.of("src/main/java", "src/test/java"));

        assertThat(report.location()).isEqualTo(SOURCE + ":" + line);
        assertThat(report.text())
                .startsWith("Cannot instrument class com.example.plugintest.broken.SuspendingConstructor,"
                        + " method <init>(java.lang.String), at " + SOURCE + ":" + line + " (class file " + e.classFile() + "): ")
                .contains("calls io.procmobility.continuation.Continuation.suspend")
                .contains("Fix: move the suspending call into an ordinary method");
    }

    @Test
    void withoutTheSourceItNamesTheFileInsideItsPackage() throws Exception {
        Fixtures.copy(dir, Fixtures.PACKAGE + "broken/", "SuspendingConstructor");

        FailureReport report = FailureReport.of(failure(), dir, List.of());

        assertThat(report.location()).startsWith("com/example/plugintest/broken/SuspendingConstructor.java:");
    }

    @Test
    void aClassLevelProblemNamesTheSourceFileWithoutALine() {
        Fixtures.copy(dir, Fixtures.PACKAGE + "broken/", "SuspendingConstructor");
        Path classFile = dir.resolve(Fixtures.PACKAGE + "broken/SuspendingConstructor.class");
        InstrumentationException e = new InstrumentationException("com/example/plugintest/broken/SuspendingConstructor",
                null, 0, "cannot find class com/acme/Gone. Fix: add it.").inClassFile(classFile.toString());

        FailureReport report = FailureReport.of(e, dir, List.of("src/test/java"));

        assertThat(report.location()).isEqualTo(SOURCE);
        assertThat(report.text()).isEqualTo("Cannot instrument class com.example.plugintest.broken.SuspendingConstructor, at "
                + SOURCE + " (class file " + classFile + "): cannot find class com/acme/Gone. Fix: add it.");
    }

    @Test
    void methodsReadLikeJava() {
        assertThat(FailureReport.method("<init>(Ljava/lang/String;I[J)V")).isEqualTo("<init>(java.lang.String, int, long[])");
        assertThat(FailureReport.method("run()V")).isEqualTo("run()");
        assertThat(FailureReport.method("run")).isEqualTo("run");
    }

    private InstrumentationException failure() throws Exception {
        try {
            new ClassesInstrumentation(dir, InstrumenterConfig.including("com.example.plugintest.broken.*"),
                    ClassBytesLocator.of(getClass().getClassLoader()), line -> { })
                    .run(BuildState.fresh(dir.resolve("state"), "f"));
        } catch (InstrumentationException e) {
            return e;
        }
        throw new AssertionError("SuspendingConstructor was instrumented");
    }

    private static int lineOf(Path source, String marker) throws Exception {
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError(marker + " not in " + source);
    }
}
