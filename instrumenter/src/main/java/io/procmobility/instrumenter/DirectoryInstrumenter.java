package io.procmobility.instrumenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Instruments the class files of a directory in place (build-time instrumentation, used by the
 * Maven plugin and by the runtime's own build). Already instrumented classes are left alone, so
 * running it twice changes nothing.
 *
 * <p>Command line: {@code DirectoryInstrumenter <classes-dir> <include-pattern>...}; other
 * classes are looked up in the directory, then on this JVM's class path.
 */
public final class DirectoryInstrumenter {
    private DirectoryInstrumenter() {
    }

    /** Entry point; exits non-zero with the instrumenter's message when a class cannot be instrumented. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: DirectoryInstrumenter <classes-dir> <include-pattern>...");
            System.exit(2);
        }
        try {
            List<Path> changed = instrument(Paths.get(args[0]),
                    InstrumenterConfig.including(Arrays.copyOfRange(args, 1, args.length)));
            System.out.println("[procmobility] instrumented " + changed.size() + " class(es) in " + args[0]);
        } catch (InstrumentationException e) {
            System.err.println("[procmobility] " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Instruments matching classes under {@code classes}, finding other classes in the directory,
     * then on this class's class loader; returns the files rewritten.
     */
    public static List<Path> instrument(Path classes, InstrumenterConfig config) {
        return instrument(classes, config, ClassBytesLocator.of(DirectoryInstrumenter.class.getClassLoader()),
                file -> true);
    }

    /**
     * Instruments the matching class files under {@code classes} that {@code visit} accepts
     * (e.g. those changed since the last build); returns the files rewritten.
     *
     * @param classpath finds the classes that are not in the directory (dependencies, the JDK),
     *     without loading them
     * @param visit called once per class file; {@code false} leaves the file unread
     * @throws InstrumentationException naming the class file ({@link InstrumentationException#classFile()}),
     *     class, method and line of the first class that cannot be instrumented
     */
    public static List<Path> instrument(Path classes, InstrumenterConfig config, ClassBytesLocator classpath,
            Predicate<Path> visit) {
        Instrumenter instrumenter = new Instrumenter(config, inDirectory(classes).orElse(classpath));
        List<Path> changed = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p))
                    .sorted().toList();
            for (Path file : files) {
                if (!visit.test(file)) {
                    continue;
                }
                byte[] result;
                try {
                    result = instrumenter.instrument(Files.readAllBytes(file));
                } catch (InstrumentationException e) {
                    throw e.inClassFile(file.toString());
                }
                if (result != null) {
                    Files.write(file, result);
                    changed.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changed;
    }

    /** Finds class files in {@code classes} by internal name. */
    static ClassBytesLocator inDirectory(Path classes) {
        return internalName -> {
            Path file = classes.resolve(internalName + ".class");
            try {
                return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
