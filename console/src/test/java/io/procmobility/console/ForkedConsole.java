package io.procmobility.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -cp procmobility.jar io.procmobility.console.Main node ...} in a JVM of its own,
 * driven through its stdin (script mode) and read line by line from its stdout. {@link #close()}
 * destroys the JVM whatever happened.
 */
final class ForkedConsole implements AutoCloseable {
    private final String label;
    private final Process process;
    private final Writer stdin;
    private final List<String> lines = new ArrayList<>();
    private final List<Boolean> used = new ArrayList<>();
    private final StringBuffer stderr = new StringBuffer();

    private ForkedConsole(String label, Process process) {
        this.label = label;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        reader(process.getInputStream(), this::addLine, label + "-stdout");
        reader(process.getErrorStream(), l -> stderr.append(l).append('\n'), label + "-stderr");
    }

    /** Starts a node console from {@code jar} with {@code args} after {@code node}. */
    static ForkedConsole start(Path jar, String label, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", jar.toString(), Main.class.getName(), "node"));
        command.addAll(args);
        return new ForkedConsole(label, new ProcessBuilder(command).start());
    }

    private static void reader(InputStream stream, java.util.function.Consumer<String> sink, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the JVM went away
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void addLine(String line) {
        lines.add(line);
        used.add(false);
        notifyAll();
    }

    /** Types one command. */
    void send(String command) throws IOException {
        stdin.write(command + "\n");
        stdin.flush();
    }

    /**
     * Waits for an output line, not taken by an earlier call, that matches {@code regex} entirely;
     * takes it and returns its match (lines may come in any order around it).
     *
     * @throws AssertionError with everything the JVM printed when none comes within {@code timeout}
     */
    synchronized Matcher expect(String regex, Duration timeout) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        int from = 0;
        while (true) {
            for (int i = from; i < lines.size(); i++) {
                Matcher m = pattern.matcher(lines.get(i));
                if (!used.get(i) && m.matches()) {
                    used.set(i, true);
                    return m;
                }
            }
            from = lines.size();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(label + ": no line matching " + regex + " within " + timeout + "\n" + transcript());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits for the JVM to end; its exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(label + " still running after " + timeout + "\n" + transcript());
        }
        return process.exitValue();
    }

    synchronized String transcript() {
        return "--- " + label + " stdout\n" + String.join("\n", lines) + "\n--- " + label + " stderr\n" + stderr;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
