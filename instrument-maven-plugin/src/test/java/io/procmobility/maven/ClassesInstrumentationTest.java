package io.procmobility.maven;

import static io.procmobility.maven.Fixtures.MOBILE;
import static io.procmobility.maven.Fixtures.PACKAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmobility.continuation.Continuation;
import io.procmobility.instrumenter.ClassBytesLocator;
import io.procmobility.instrumenter.InstrumentationException;
import io.procmobility.instrumenter.Instrumenter;
import io.procmobility.instrumenter.InstrumenterConfig;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassesInstrumentationTest {
    private static final InstrumenterConfig ALL = InstrumenterConfig.including("com.example.plugintest.*");

    @TempDir
    Path dir;

    private Path classes() {
        return dir.resolve("classes");
    }

    private Path stateFile() {
        return dir.resolve("procmobility/instrument.state");
    }

    private Summary run(InstrumenterConfig config, BuildState state) throws IOException {
        return new ClassesInstrumentation(classes(), config, ClassBytesLocator.of(getClass().getClassLoader()),
                line -> { }).run(state);
    }

    @Test
    void firstRunInstrumentsAndASecondRunFindsEveryClassUnchanged() throws Exception {
        Map<String, byte[]> originals = Fixtures.copy(classes(), PACKAGE, MOBILE);

        Summary first = run(ALL, BuildState.load(stateFile(), "f"));
        assertThat(first).isEqualTo(new Summary(2, 0, 1, 0));
        assertThat(Instrumenter.isInstrumented(Fixtures.read(classes(), PACKAGE, "Walker"))).isTrue();
        assertThat(Instrumenter.isInstrumented(Fixtures.read(classes(), PACKAGE, "Steps"))).isTrue();
        assertThat(Fixtures.read(classes(), PACKAGE, "Plain")).isEqualTo(originals.get("Plain"));

        byte[] walker = Fixtures.read(classes(), PACKAGE, "Walker");
        Summary second = run(ALL, BuildState.load(stateFile(), "f"));
        assertThat(second).isEqualTo(new Summary(0, 3, 0, 0));
        assertThat(second.line()).isEqualTo("0 instrumented, 3 unchanged, 0 skipped");
        assertThat(Fixtures.read(classes(), PACKAGE, "Walker")).isEqualTo(walker);
    }

    @Test
    void withoutStateAlreadyInstrumentedClassesAreRecognizedAndLeftAlone() throws Exception {
        Fixtures.copy(classes(), PACKAGE, MOBILE);
        run(ALL, BuildState.load(stateFile(), "f"));
        byte[] walker = Fixtures.read(classes(), PACKAGE, "Walker");

        Summary again = run(ALL, BuildState.fresh(stateFile(), "f"));

        assertThat(again).isEqualTo(new Summary(0, 0, 3, 2));
        assertThat(again.line()).isEqualTo("0 instrumented, 0 unchanged, 3 skipped (2 already instrumented)");
        assertThat(Fixtures.read(classes(), PACKAGE, "Walker")).isEqualTo(walker);
    }

    @Test
    void aRecompiledClassIsInstrumentedAgainAndTheOthersStayUnchanged() throws Exception {
        Map<String, byte[]> originals = Fixtures.copy(classes(), PACKAGE, MOBILE);
        run(ALL, BuildState.load(stateFile(), "f"));
        Files.write(classes().resolve(PACKAGE + "Walker.class"), originals.get("Walker")); // javac ran again

        Summary second = run(ALL, BuildState.load(stateFile(), "f"));

        assertThat(second).isEqualTo(new Summary(1, 2, 0, 0));
        assertThat(Instrumenter.isInstrumented(Fixtures.read(classes(), PACKAGE, "Walker"))).isTrue();
    }

    @Test
    void anotherConfigurationExaminesEveryClassAgain() throws Exception {
        Fixtures.copy(classes(), PACKAGE, MOBILE);
        Summary onlyWalker = run(InstrumenterConfig.including("com.example.plugintest.Walker"),
                BuildState.load(stateFile(), "walker"));
        assertThat(onlyWalker).isEqualTo(new Summary(1, 0, 2, 0));

        Summary all = run(ALL, BuildState.load(stateFile(), "all"));

        assertThat(all).isEqualTo(new Summary(1, 0, 2, 1));
        assertThat(Instrumenter.isInstrumented(Fixtures.read(classes(), PACKAGE, "Steps"))).isTrue();
    }

    @Test
    void excludedClassesAreNotInstrumented() throws Exception {
        Fixtures.copy(classes(), PACKAGE, MOBILE);
        InstrumenterConfig config = InstrumenterConfig.builder().include("com.example.plugintest.*")
                .exclude("com.example.plugintest.Walker").build();

        assertThat(run(config, BuildState.load(stateFile(), "f"))).isEqualTo(new Summary(1, 0, 2, 0));
        assertThat(Instrumenter.isInstrumented(Fixtures.read(classes(), PACKAGE, "Walker"))).isFalse();
    }

    @Test
    void theInstrumentedClassesSuspendAndResumeWithoutAnAgent() throws Exception {
        Fixtures.copy(classes(), PACKAGE, MOBILE);
        run(ALL, BuildState.load(stateFile(), "f"));

        try (URLClassLoader loader = new ChildFirst(classes())) {
            Runnable walker = (Runnable) loader.loadClass("com.example.plugintest.Walker")
                    .getConstructor().newInstance();
            List<Object> handedOut = new ArrayList<>();
            Continuation c = Continuation.startWith(walker);
            while (!c.isDone()) {
                handedOut.add(c.value());
                c = Continuation.continueWith(c, 10);
            }
            assertThat(handedOut).containsExactly(1, 2, 3);
            Field log = walker.getClass().getField("log");
            assertThat(log.get(walker)).asList().containsExactly("step 1 total=10", "step 2 total=30", "step 3 total=60");
        }
    }

    @Test
    void aClassThatCannotBeInstrumentedFailsNamingItsFileAndTheStateIsNotSaved() throws Exception {
        String brokenPackage = PACKAGE + "broken/";
        Fixtures.copy(classes(), brokenPackage, "SuspendingConstructor");

        assertThatThrownBy(() -> run(InstrumenterConfig.including("com.example.plugintest.broken.*"),
                BuildState.load(stateFile(), "f")))
                .isInstanceOfSatisfying(InstrumentationException.class, e -> {
                    assertThat(e.className()).isEqualTo("com.example.plugintest.broken.SuspendingConstructor");
                    assertThat(e.methodName()).isEqualTo("<init>(Ljava/lang/String;)V");
                    assertThat(e.classFile()).endsWith("SuspendingConstructor.class");
                    assertThat(e.line()).isPositive();
                    assertThat(e.problem()).contains("constructor").contains("Fix:");
                    assertThat(e.getMessage()).contains(e.classFile());
                });
        assertThat(stateFile()).doesNotExist();
    }

    /** Loads the fixture package from the instrumented directory, everything else from the test's loader. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(Path classes) throws MalformedURLException {
            super(new URL[] {classes.toUri().toURL()}, ChildFirst.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("com.example.plugintest.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : findClass(name);
            }
        }
    }
}
