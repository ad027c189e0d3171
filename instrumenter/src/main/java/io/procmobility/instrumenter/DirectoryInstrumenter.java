package io.procmobility.instrumenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Instruments the class files of a directory in place (build-time instrumentation). Already
 * instrumented classes are left alone, so running it twice changes nothing.
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
            List<Path> changed = instrument(Paths.get(args[0]), InstrumenterConfig.including(
                    java.util.Arrays.copyOfRange(args, 1, args.length)));
            System.out.println("[procmobility] instrumented " + changed.size() + " class(es) in " + args[0]);
        } catch (InstrumentationException e) {
            System.err.println("[procmobility] " + e.getMessage());
            System.exit(1);
        }
    }

    /** Instruments matching classes under {@code classes}; returns the files rewritten. */
    public static List<Path> instrument(Path classes, InstrumenterConfig config) {
        ClassBytesLocator inDirectory = internalName -> {
            Path file = classes.resolve(internalName + ".class");
            try {
                return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        Instrumenter instrumenter = new Instrumenter(config,
                inDirectory.orElse(ClassBytesLocator.of(DirectoryInstrumenter.class.getClassLoader())));
        List<Path> changed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                byte[] result;
                try {
                    result = instrumenter.instrument(Files.readAllBytes(file));
                } catch (InstrumentationException e) {
                    throw new InstrumentationException(e.className(), e.methodName(), e.line(),
                            "in " + file + ": " + e.getMessage().replaceFirst("^Cannot instrument [^:]*: ", ""), e);
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
}
