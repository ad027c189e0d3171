package io.procmobility.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles the fixture sources under {@code src/test/fixtures} with a real javac, so tests work on
 * the bytecode javac emits (debug info on or off, Java 17 or Java 25 class files).
 */
public final class FixtureCompiler {
    /** Where fixture sources live, relative to the runtime module. */
    public static final Path SOURCES = Paths.get("src/test/fixtures");

    private FixtureCompiler() {
    }

    /** Compiles all fixtures with this JVM's javac; {@code debug} selects {@code -g} or {@code -g:none}. */
    public static Map<String, byte[]> compile(boolean debug) {
        return compile(debug, null, 17);
    }

    /**
     * Compiles all fixtures with {@code javacHome}'s javac ({@code null}: the in-process compiler)
     * for class-file {@code release}.
     */
    public static Map<String, byte[]> compile(boolean debug, Path javacHome, int release) {
        try {
            Path out = Files.createTempDirectory("fixtures");
            List<String> args = new ArrayList<>(List.of(debug ? "-g" : "-g:none", "--release", String.valueOf(release),
                    "-cp", System.getProperty("java.class.path"), "-d", out.toString(), "-proc:none"));
            try (Stream<Path> files = Files.walk(SOURCES)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
            if (javacHome == null) {
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                int rc = javac.run(null, null, null, args.toArray(new String[0]));
                if (rc != 0) {
                    throw new IllegalStateException("javac failed for fixtures: " + rc);
                }
            } else {
                List<String> command = new ArrayList<>();
                command.add(javacHome.resolve("bin/javac").toString());
                command.addAll(args);
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes());
                if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException("javac " + javacHome + " failed: " + output);
                }
            }
            return readClasses(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads every class file below {@code dir}, keyed by binary name. */
    public static Map<String, byte[]> readClasses(Path dir) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = dir.relativize(file).toString().replace('/', '.');
                classes.put(name.substring(0, name.length() - 6), Files.readAllBytes(file));
            }
        }
        return classes;
    }
}
