package io.procmobility.node;

import io.procmobility.process.Pid;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A {@link MigrationNodeMain} in a JVM of its own: commands in, answer lines out; killed by {@link #close}. */
final class NodeJvm implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(60);
    final String name;
    final Process process;
    final int port;
    final long incarnation;
    private final PrintWriter commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();

    private NodeJvm(String name, String cookie, String mode) throws IOException, InterruptedException {
        this.name = name;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.process = new ProcessBuilder(java, "-Xss1m", "-cp", System.getProperty("java.class.path"),
                MigrationNodeMain.class.getName(), name, cookie, mode).redirectErrorStream(true).start();
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.contains(" WARN ") || line.contains(" ERROR ")) {
                        warnings.add(line);
                    }
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the JVM is gone
            }
        }, "node-jvm-" + name);
        reader.setDaemon(true);
        reader.start();
        String[] ready = expect(l -> l.startsWith("READY ")).split(" ");
        this.port = Integer.parseInt(ready[1]);
        this.incarnation = Long.parseLong(ready[2]);
    }

    static NodeJvm start(String name, String mode) throws IOException, InterruptedException {
        return new NodeJvm(name, "multi-jvm-cookie", mode);
    }

    void send(String command) {
        commands.println(command);
    }

    /** The next output line matching {@code wanted} (others are kept for failure messages). */
    String expect(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("node " + name + ": no expected line within " + WAIT + "; it said: " + seen
                        + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")"));
            }
            seen.add(line);
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    String expectPrefix(String prefix) throws InterruptedException {
        return expect(l -> l.startsWith(prefix));
    }

    Pid spawn(String className, Object... args) throws InterruptedException {
        StringBuilder command = new StringBuilder("spawn ").append(className);
        for (Object arg : args) {
            command.append(' ').append(arg instanceof Pid pid ? pid.incarnation() + ":" + pid.serial()
                    : arg instanceof Long l ? l + "L" : arg);
        }
        send(command.toString());
        String[] pid = expectPrefix("PID ").split(" ");
        return new Pid(Long.parseLong(pid[1]), Long.parseLong(pid[2]));
    }

    void migrate(Pid pid, NodeJvm to) {
        send("migrate " + pid.incarnation() + " " + pid.serial() + " " + to.port);
    }

    /** Waits for the outcome of a migration of {@code pid}: the MIGRATED or MIGRATE-FAILED line. */
    String outcome(Pid pid) throws InterruptedException {
        String key = " " + pid.incarnation() + " " + pid.serial() + " ";
        return expect(l -> (l.startsWith("MIGRATED") || l.startsWith("MIGRATE-FAILED")) && l.contains(key));
    }

    void connect(NodeJvm other) throws InterruptedException {
        send("connect " + other.port);
        expectPrefix("CONNECTED ");
    }

    /** The warnings and errors this node logged so far (for failure messages). */
    List<String> warnings() {
        return List.copyOf(warnings);
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
