package io.procmobility.cluster.jgroups;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link ClusterNodeMain} in a forked JVM: its output lines are collected on a background
 * thread (so its pipe never fills); commands go to its stdin. {@link #close()} kills it.
 */
final class ClusterJvm implements AutoCloseable {
    final String node;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> transcript = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ClusterJvm(String node, Process process) {
        this.node = node;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "output-of-" + node);
        reader.setDaemon(true);
        reader.start();
    }

    static ClusterJvm start(String cluster, String node, List<String> members, int port, String seeds) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = TestSecrets.withSecret(new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true", "-Dorg.slf4j.simpleLogger.log.org.jgroups=error",
                "-cp", System.getProperty("java.class.path"), ClusterNodeMain.class.getName(),
                cluster, node, String.join(",", members), Integer.toString(port), seeds))
                .redirectErrorStream(true).start();
        return new ClusterJvm(node, process);
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                transcript.add(line);
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }

    /** Every line it printed so far (log lines included), whether or not an {@code await} consumed it. */
    List<String> transcript() {
        return List.copyOf(transcript);
    }

    /** Its operating-system process id. */
    long pid() {
        return process.pid();
    }

    /** Sends a command line. */
    void send(String command) {
        try {
            stdin.write(command + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("node " + node + " is not reading commands", e);
        }
    }

    /** Waits for the next output line matching {@code wanted} (skipping others, e.g. log lines). */
    String await(Predicate<String> wanted, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("node " + node + " printed no line matching the expectation within " + timeout + " "
                        + unit + (process.isAlive() ? "" : " (its JVM exited with " + process.exitValue() + ")"));
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** Sends {@code command} and returns the first answer line starting with {@code answerPrefix}. */
    String ask(String command, String answerPrefix) throws InterruptedException {
        send(command);
        return await(l -> l.startsWith(answerPrefix), 15, TimeUnit.SECONDS);
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
