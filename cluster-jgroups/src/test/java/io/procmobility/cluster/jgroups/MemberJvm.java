package io.procmobility.cluster.jgroups;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link MemberMain} (a node of a JGroups cluster) in a JVM of its own. Its output lines are read
 * on a background thread; {@link #expect} finds the next line matching a predicate, keeping the
 * others for later expectations (answers and events interleave). {@link #close()} kills it.
 */
final class MemberJvm implements AutoCloseable {
    private static final long WAIT_SECONDS = 45;

    final String name;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> incoming = new LinkedBlockingQueue<>();
    private final List<String> unmatched = new ArrayList<>();
    private final List<String> transcript = new ArrayList<>();
    int port;

    private MemberJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "output-of-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Forks a member of {@code cluster} listening for JGroups on {@code jgroupsPort}; returns at once
     * (call {@link #awaitReady()}). {@code logLevel} is the runtime's log level (info, warn...).
     */
    static MemberJvm start(String cluster, String node, List<String> members, int jgroupsPort, String seeds, String logLevel,
            String heap) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = TestSecrets.withSecret(new ProcessBuilder(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true", "-Dorg.slf4j.simpleLogger.log.org.jgroups=error",
                "-Dorg.slf4j.simpleLogger.log.io.procmobility=" + logLevel,
                "-cp", System.getProperty("java.class.path"), MemberMain.class.getName(),
                cluster, node, String.join(",", members), Integer.toString(jgroupsPort), seeds))
                .redirectErrorStream(true).start();
        return new MemberJvm(node, process);
    }

    /** Waits for READY; returns the join time in ms. */
    long awaitReady() throws InterruptedException {
        String[] ready = expect(l -> l.startsWith("READY ")).split(" ");
        port = Integer.parseInt(ready[1]);
        return Long.parseLong(ready[2]);
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                incoming.add(line);
            }
        } catch (IOException ended) {
            // the JVM is gone
        }
    }

    /** Sends a command line. */
    void send(String command) {
        try {
            stdin.write(command + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("node " + name + " is not reading commands", e);
        }
    }

    /** The first line not yet expected that matches {@code wanted}, waiting for it if need be. */
    synchronized String expect(Predicate<String> wanted) throws InterruptedException {
        return expect(wanted, WAIT_SECONDS, TimeUnit.SECONDS);
    }

    synchronized String expect(Predicate<String> wanted, long timeout, TimeUnit unit) throws InterruptedException {
        for (Iterator<String> it = unmatched.iterator(); it.hasNext(); ) {
            String line = it.next();
            if (wanted.test(line)) {
                it.remove();
                return line;
            }
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? incoming.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("node " + name + " printed no expected line within " + timeout + " " + unit
                        + (process.isAlive() ? "" : " (its JVM exited with " + process.exitValue() + ")") + "; last lines:\n"
                        + String.join("\n", transcript.subList(Math.max(0, transcript.size() - 40), transcript.size())));
            }
            transcript.add(line);
            if (wanted.test(line)) {
                return line;
            }
            unmatched.add(line);
        }
    }

    /** Sends {@code command} and returns its answer: the next line starting with {@code prefix}. */
    String ask(String command, String prefix) throws InterruptedException {
        send(command);
        return expect(l -> l.startsWith(prefix));
    }

    /** kill -9; returns the wall-clock time just before. */
    long kill() throws InterruptedException {
        long at = System.currentTimeMillis();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return at;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
