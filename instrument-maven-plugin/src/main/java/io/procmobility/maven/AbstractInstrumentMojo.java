package io.procmobility.maven;

import io.procmobility.instrumenter.InstrumentationException;
import io.procmobility.instrumenter.InstrumenterConfig;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the {@code instrument} and {@code instrument-tests} goals share: the configuration
 * (includes, excludes, skip, incremental) and the run over one classes directory.
 */
public abstract class AbstractInstrumentMojo extends AbstractMojo {
    /**
     * Classes to instrument, as binary-name patterns, the agent's {@code include=} syntax:
     * {@code com.acme.**} (a package and its sub-packages), {@code com.acme.*} (the package only),
     * {@code com.acme.Counter} (one class). Classes annotated {@code @io.procmobility.Mobile} and
     * classes implementing a mobile behaviour are instrumented even when no pattern matches.
     */
    @Parameter(property = "procmobility.includes")
    private List<String> includes;

    /** Classes never instrumented, same syntax; an exclude wins over an include and over {@code @Mobile}. */
    @Parameter(property = "procmobility.excludes")
    private List<String> excludes;

    /** Skips the goal. */
    @Parameter(property = "procmobility.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Examines only the class files changed since the last run (recorded in
     * {@code target/procmobility/GOAL.state}); {@code false} examines every class file.
     * Already instrumented classes are left alone either way.
     */
    @Parameter(property = "procmobility.incremental", defaultValue = "true")
    private boolean incremental;

    /** Where the incremental state is kept. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private File buildDirectory;

    /** The project's directory, to print paths relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** This plugin's version: a new version examines every class again. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    /** Creates the mojo; Maven sets the parameters. */
    protected AbstractInstrumentMojo() {
    }

    /** The directory whose class files are instrumented in place. */
    protected abstract File classesDirectory();

    /** The class path the classes were compiled against (including the directory itself). */
    protected abstract List<String> classpathElements();

    /** Source directories, to name the source file of a class that cannot be instrumented. */
    protected abstract List<String> sourceRoots();

    /** The goal's name, for the state file. */
    protected abstract String goal();

    /** True when this goal has nothing to do for a reason of its own (e.g. tests skipped); it logs why. */
    protected boolean skipGoal() {
        return false;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("procmobility: skipped (skip=true)");
            return;
        }
        if (skipGoal()) {
            return;
        }
        Path classes = classesDirectory().toPath();
        if (!Files.isDirectory(classes)) {
            getLog().info("procmobility: no classes in " + display(classes) + ", nothing to instrument");
            return;
        }
        InstrumenterConfig config = config();
        if (list(includes).isEmpty()) {
            getLog().info("procmobility: no <includes> configured; only classes annotated @Mobile and mobile"
                    + " behaviours are instrumented (add e.g. <include>com.acme.**</include>)");
        }
        Path stateFile = buildDirectory.toPath().resolve("procmobility").resolve(goal() + ".state");
        String fingerprint = BuildState.sha256(
                "plugin=" + pluginVersion + "\nincludes=" + list(includes) + "\nexcludes=" + list(excludes));
        BuildState state = incremental ? BuildState.load(stateFile, fingerprint) : BuildState.fresh(stateFile, fingerprint);
        long start = System.nanoTime();
        Summary summary;
        try (ClassPath classpath = new ClassPath(classpathElements())) {
            summary = new ClassesInstrumentation(classes, config, classpath, getLog()::debug).run(state);
        } catch (InstrumentationException e) {
            FailureReport report = FailureReport.of(e, classes, sourceRoots());
            getLog().error(report.location() + ": " + e.problem());
            getLog().debug(e);
            // No cause: Maven would append the causes' messages, which repeat this one.
            throw new MojoFailureException(report.text());
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException("procmobility: cannot read or write the class files in " + classes
                    + " or the state file " + stateFile + ": " + e.getMessage(), e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        getLog().info("procmobility: " + summary.line() + " in " + display(classes) + " (" + millis + " ms)");
    }

    private InstrumenterConfig config() throws MojoFailureException {
        try {
            return InstrumenterConfig.builder()
                    .include(list(includes).toArray(new String[0]))
                    .exclude(list(excludes).toArray(new String[0]))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("procmobility: bad class pattern in <includes>/<excludes>: "
                    + e.getMessage() + ". Example: <includes><include>com.acme.**</include></includes>", e);
        }
    }

    private static List<String> list(List<String> patterns) {
        return patterns == null ? List.of() : patterns.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
    }

    private String display(Path path) {
        Path base = basedir.toPath().toAbsolutePath();
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}
