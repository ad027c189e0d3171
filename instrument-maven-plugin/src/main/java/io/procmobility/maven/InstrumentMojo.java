package io.procmobility.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Instruments the project's main classes ({@code target/classes}) in place, so that they can be
 * captured as continuations without the agent at run time. Bound to {@code process-classes}.
 */
@Mojo(name = "instrument", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class InstrumentMojo extends AbstractInstrumentMojo {
    /** The directory of the compiled main classes. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    private File classesDirectory;

    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    private List<String> classpathElements;

    @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true, required = true)
    private List<String> sourceRoots;

    /** Creates the mojo; Maven sets the parameters. */
    public InstrumentMojo() {
    }

    @Override
    protected File classesDirectory() {
        return classesDirectory;
    }

    @Override
    protected List<String> classpathElements() {
        return classpathElements;
    }

    @Override
    protected List<String> sourceRoots() {
        return sourceRoots;
    }

    @Override
    protected String goal() {
        return "instrument";
    }
}
