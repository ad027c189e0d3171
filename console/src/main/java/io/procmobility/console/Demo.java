package io.procmobility.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The README's demo, as the seed's quick start: starts node a on 1805 and node b on 1806, each in
 * its own JVM running the console; spawns the counter on a, moves it to b mid-loop with
 * {@code send_me}, then back to a, and prints a timeline of what both nodes said. Every step waits
 * for the line that proves it happened (no sleeps); both JVMs are stopped at the end, also on failure.
 *
 * <pre>{@code java -cp console/target/procmobility.jar io.procmobility.console.Demo [portA portB]}</pre>
 */
public final class Demo {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    /** A line a node printed, with when and who. */
    private record Said(long atNanos, String node, String line) {
    }

    /** One console JVM: its stdin for commands and its output lines. */
    private static final class ConsoleJvm implements AutoCloseable {
        final String name;
        final Process process;
        final PrintWriter commands;

        ConsoleJvm(String name, List<String> command, BlockingQueue<Said> timeline) throws IOException {
            this.name = name;
            this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
            this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        timeline.add(new Said(System.nanoTime(), name, line));
                    }
                } catch (IOException ended) {
                    // the JVM is gone
                }
            }, "demo-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        void type(String command, Timeline log) {
            log.print(name, "> " + command);
            commands.println(command);
        }

        @Override
        public void close() throws InterruptedException {
            commands.println("quit");
            commands.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Prints what the nodes said, in order of arrival, with seconds since the start. */
    private static final class Timeline {
        private final long start = System.nanoTime();
        private final BlockingQueue<Said> said;
        private final PrintStream out;
        private final List<Said> printed = new ArrayList<>();
        /** Lines before this index came before the last command: they cannot be its outcome. */
        private int since;

        Timeline(BlockingQueue<Said> said, PrintStream out) {
            this.said = said;
            this.out = out;
        }

        void print(String node, String line) {
            out.printf("[%6.2fs] %s | %s%n", (System.nanoTime() - start) / 1e9, node, line);
            since = printed.size();
        }

        /** Prints lines until one of {@code node} printed since the last command contains {@code text}. */
        void until(String node, String text) throws InterruptedException {
            for (int i = since; i < printed.size(); i++) {
                if (matches(printed.get(i), node, text)) {
                    return;
                }
            }
            long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
            while (true) {
                Said next = said.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new IllegalStateException("demo: node " + node + " did not print '" + text + "' within "
                            + STEP_TIMEOUT.toSeconds() + " s (is something else listening on the demo ports? "
                            + "try other ports: ./demo.sh 2805 2806)");
                }
                out.printf("[%6.2fs] %s | %s%n", (next.atNanos() - start) / 1e9, next.node(), next.line());
                printed.add(next);
                if (matches(next, node, text)) {
                    return;
                }
            }
        }

        private static boolean matches(Said said, String node, String text) {
            return said.node().equals(node) && said.line().contains(text);
        }
    }

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        int portA = args.length > 0 ? Integer.parseInt(args[0]) : 1805;
        int portB = args.length > 1 ? Integer.parseInt(args[1]) : 1806;
        System.exit(run(portA, portB, System.out));
    }

    static int run(int portA, int portB, PrintStream out) throws Exception {
        BlockingQueue<Said> said = new LinkedBlockingQueue<>();
        Timeline log = new Timeline(said, out);
        String cookie = "procmobility-demo-" + Long.toHexString(System.nanoTime());
        out.println("procmobility demo: node a on " + portA + ", node b on " + portB
                + " (two JVMs); the counter starts on a, moves to b mid-loop, then back to a");
        try (ConsoleJvm b = new ConsoleJvm("b", nodeCommand("b", portB, cookie), said);
                ConsoleJvm a = new ConsoleJvm("a", nodeCommand("a", portA, cookie), said)) {
            log.until("b", "listening on");
            log.until("a", "listening on");
            a.type("spawn Counter counter", log);
            log.until("a", "counter 3 on node a");
            a.type("send_me counter tcp://localhost:" + portB, log);
            log.until("a", "moved ");
            log.until("b", "counter 6 on node b");
            a.type("call counter value", log); // the name still reaches it from a
            log.until("a", "");
            b.type("send_me counter tcp://localhost:" + portA, log);
            log.until("b", "moved ");
            log.until("a", "counter 9 on node a");
            a.type("ps", log);
            log.until("a", "counter");
        }
        out.println("demo done: one counter, counting 1..9 without a gap across two moves between two JVMs");
        return 0;
    }

    private static List<String> nodeCommand(String name, int port, String cookie) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // Kryo; see bin/procmobility
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of("node", "--name", name, "--port", String.valueOf(port), "--cookie", cookie, "--batch"));
        return command;
    }
}
