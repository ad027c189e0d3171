package io.procmobility.maven;

import io.procmobility.instrumenter.ClassBytesLocator;
import io.procmobility.instrumenter.DirectoryInstrumenter;
import io.procmobility.instrumenter.InstrumentationException;
import io.procmobility.instrumenter.Instrumenter;
import io.procmobility.instrumenter.InstrumenterConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Instruments one classes directory in place with the instrumenter's {@link DirectoryInstrumenter},
 * skipping the class files that {@link BuildState} knows are unchanged since the last run and the
 * ones already instrumented. Knows nothing of Maven.
 */
final class ClassesInstrumentation {
    private final Path classes;
    private final InstrumenterConfig config;
    private final ClassBytesLocator classpath;
    private final Consumer<String> debug;

    /**
     * @param classes the directory (e.g. {@code target/classes})
     * @param classpath the other classes its classes refer to
     * @param debug receives one line per class file read
     */
    ClassesInstrumentation(Path classes, InstrumenterConfig config, ClassBytesLocator classpath, Consumer<String> debug) {
        this.classes = classes;
        this.config = config;
        this.classpath = classpath;
        this.debug = debug;
    }

    /**
     * Runs over every class file; records each file's final hash in {@code state} and saves it.
     *
     * @throws InstrumentationException for the first class that cannot be instrumented (the
     *     state is not saved then: the next run examines every class again)
     */
    Summary run(BuildState state) throws IOException {
        int[] unchanged = {0};
        int[] examined = {0};
        int[] alreadyInstrumented = {0};
        List<Path> changed;
        try {
            changed = DirectoryInstrumenter.instrument(classes, config, classpath, file -> {
                byte[] bytes = read(file);
                String path = relative(file);
                String hash = BuildState.sha256(bytes);
                state.record(path, hash);
                if (state.unchanged(path, hash)) {
                    unchanged[0]++;
                    return false;
                }
                examined[0]++;
                if (Instrumenter.isInstrumented(bytes)) {
                    alreadyInstrumented[0]++;
                    debug.accept("already instrumented: " + path);
                    return false;
                }
                debug.accept("examining: " + path);
                return true;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path file : changed) {
            String path = relative(file);
            state.record(path, BuildState.sha256(Files.readAllBytes(file)));
            debug.accept("instrumented: " + path);
        }
        state.save();
        return new Summary(changed.size(), unchanged[0], examined[0] - changed.size(), alreadyInstrumented[0]);
    }

    private String relative(Path file) {
        return classes.relativize(file).toString().replace('\\', '/');
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
