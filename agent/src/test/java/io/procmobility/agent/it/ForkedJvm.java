package io.procmobility.agent.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs {@code com.example.mobility.MobilityMain} in a fresh JVM, optionally with the shaded agent
 * jar, and collects its output. Output goes to files (no pipe to drain, so no reader threads and no
 * deadlock); the process is always destroyed, also on timeout or failure.
 */
final class ForkedJvm {
    static final String MAIN = "com.example.mobility.MobilityMain";
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** What a forked JVM did. */
    record Result(int exitCode, List<String> out, String err, Duration elapsed) {
        @Override
        public String toString() {
            return "exit " + exitCode + " after " + elapsed.toMillis() + " ms\n--- stdout\n" + String.join("\n", out)
                    + "\n--- stderr\n" + err;
        }
    }

    private ForkedJvm() {
    }

    /** The shaded agent jar built by {@code package}, passed by failsafe. */
    static Path agentJar() {
        String jar = System.getProperty("procmobility.agent.jar");
        if (jar == null) {
            throw new IllegalStateException("System property procmobility.agent.jar is not set: run the *IT tests with"
                    + " 'mvn verify' (failsafe), after the shaded jar is packaged");
        }
        Path path = Path.of(jar);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("No agent jar at " + path + "; run 'mvn -pl agent -am verify'");
        }
        return path;
    }

    /** Working directory for a test's files, under target/it. */
    static Path workDir(String name) throws IOException {
        Path dir = Path.of(System.getProperty("procmobility.it.dir", "target/it")).resolve(name);
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    /**
     * The test JVM's class path without the agent's own code and its dependencies (instrumenter,
     * ASM, Byte Buddy): the forked JVM gets those only from the shaded agent jar, which proves it is
     * self-contained. The runtime, Kryo and the fixtures stay: the application brings those.
     */
    static String applicationClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> {
                    String normalized = entry.replace('\\', '/');
                    String file = normalized.substring(normalized.lastIndexOf('/') + 1);
                    return !(file.startsWith("asm-") || file.startsWith("byte-buddy")
                            || file.startsWith("procmobility-agent") || file.startsWith("procmobility-instrumenter")
                            || normalized.endsWith("agent/target/classes") || normalized.endsWith("agent/target/classes/")
                            || normalized.contains("instrumenter/target/classes"));
                })
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** {@link #runOn(Path, Path, String, String...)} on the test's own JDK. */
    static Result run(Path workDir, String agentOptions, String... mainArgs) throws Exception {
        return runOn(Path.of(System.getProperty("java.home")), workDir, agentOptions, mainArgs);
    }

    /**
     * Runs the fixture main.
     *
     * @param agentOptions {@code null} for no agent, else the string after {@code -javaagent:jar=}
     */
    static Result runOn(Path javaHome, Path workDir, String agentOptions, String... mainArgs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        if (agentOptions != null) {
            command.add("-javaagent:" + agentJar().toAbsolutePath() + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        }
        command.add("-cp");
        command.add(applicationClassPath());
        command.add(MAIN);
        command.addAll(List.of(mainArgs));
        String tag = mainArgs[0] + "-" + System.nanoTime();
        Path out = workDir.resolve(tag + ".out");
        Path err = workDir.resolve(tag + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Forked JVM did not end within " + TIMEOUT + ": " + command + "\n--- stdout\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + "\n--- stderr\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), elapsed);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
