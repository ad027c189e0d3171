package io.procmobility.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Node {@code b} ({@link MigrationPeer}) in a JVM forked from this one with the same class path
 * and the same {@code procmobility.verifyCapture} setting (plus {@code -DmigrationBench.peerJvmArgs=…}):
 * commands in, answer lines out. {@link #close} closes its stdin, which ends it, and kills it if it
 * is still there 3 s later; a shutdown hook kills it if this JVM exits first.
 */
final class PeerJvm implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Deque<String> recent = new ArrayDeque<>();
    private final Thread killer;
    final int port;
    final long incarnation;
    final long driverIncarnation;
    final long driverSerial;

    PeerJvm(int portOfA, int carriers) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String verify = System.getProperty("procmobility.verifyCapture");
        if (verify != null) {
            command.add("-Dprocmobility.verifyCapture=" + verify);
        }
        String extra = System.getProperty("migrationBench.peerJvmArgs", "").trim(); // e.g. -Xlog:gc for node b
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MigrationPeer.class.getName());
        command.add(Integer.toString(portOfA));
        command.add(Integer.toString(carriers));
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        this.killer = new Thread(process::destroyForcibly, "kill-node-b");
        Runtime.getRuntime().addShutdownHook(killer);
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the JVM is gone
            }
        }, "node-b-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String[] ready = expect("READY ").split(" ");
            this.port = Integer.parseInt(ready[1]);
            this.incarnation = Long.parseLong(ready[2]);
            this.driverIncarnation = Long.parseLong(ready[3]);
            this.driverSerial = Long.parseLong(ready[4]);
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    void send(String command) {
        commands.println(command);
    }

    /** The next line starting with {@code prefix}; other lines (log output) are kept for error messages. */
    String expect(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("node b: no '" + prefix + "' line within " + WAIT + "; last lines: " + recent
                        + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")"));
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            if (line.startsWith("ERROR")) {
                throw new IllegalStateException("node b: " + line);
            }
            recent.addLast(line);
            if (recent.size() > 20) {
                recent.removeFirst();
            }
        }
    }

    /** The records node b kept since the last call (which clears them there). */
    List<long[]> records() throws InterruptedException {
        send("records");
        int n = Integer.parseInt(expect("RECORDS ").substring("RECORDS ".length()));
        List<long[]> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String line = expect("");
            String[] f = line.split(" ");
            long[] r = new long[f.length];
            for (int j = 0; j < f.length; j++) {
                r[j] = Long.parseLong(f[j]);
            }
            result.add(r);
        }
        expect("END");
        return result;
    }

    @Override
    public void close() throws InterruptedException {
        commands.close(); // b ends when its stdin closes (a JFR recording of it gets dumped); kill it if it does not
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
