package io.procmobility.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Instruments the project's test classes ({@code target/test-classes}) in place: mobile code that
 * lives in tests. Bound to {@code process-test-classes}; does nothing when
 * {@code maven.test.skip} is set.
 */
@Mojo(name = "instrument-tests", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class InstrumentTestsMojo extends AbstractInstrumentMojo {
    /** The directory of the compiled test classes. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}", required = true)
    private File testClassesDirectory;

    @Parameter(defaultValue = "${project.testClasspathElements}", readonly = true, required = true)
    private List<String> testClasspathElements;

    @Parameter(defaultValue = "${project.testCompileSourceRoots}", readonly = true, required = true)
    private List<String> testSourceRoots;

    /** Set by {@code -Dmaven.test.skip=true}: test classes are not compiled, so there is nothing to instrument. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean testSkip;

    /** Creates the mojo; Maven sets the parameters. */
    public InstrumentTestsMojo() {
    }

    @Override
    protected boolean skipGoal() {
        if (testSkip) {
            getLog().info("procmobility: test classes not instrumented (maven.test.skip=true)");
        }
        return testSkip;
    }

    @Override
    protected File classesDirectory() {
        return testClassesDirectory;
    }

    @Override
    protected List<String> classpathElements() {
        return testClasspathElements;
    }

    @Override
    protected List<String> sourceRoots() {
        return testSourceRoots;
    }

    @Override
    protected String goal() {
        return "instrument-tests";
    }
}
