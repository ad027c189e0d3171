package io.procmobility.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consoles in two JVMs, from the shaded jar, the way a person runs them in two terminals:
 * they connect, a counter runs on one, the other calls it and plays ping-pong with a process there.
 */
class TwoNodeConsoleIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PID = "<[0-9a-f]{8}\\.\\d+>";
    private static final String LONG_PID = "<[0-9a-f]{16}\\.\\d+>";

    @TempDir
    Path home;

    private static Path jar() {
        Path jar = Path.of(System.getProperty("procmobility.console.jar", "target/procmobility.jar"));
        assertThat(jar).as("the shaded jar (mvn package builds it)").isRegularFile();
        return jar;
    }

    private ForkedConsole node(String name, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--name", name, "--port", "0", "--cookie", "two-node-it",
                "--carriers", "2", "--home", home.toString()));
        args.addAll(List.of(more));
        return ForkedConsole.start(jar(), name, args);
    }

    /** Types {@code nodes} until {@code console} lists {@code peer}. */
    private static void awaitListed(ForkedConsole console, String peer) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> {
            console.send("nodes");
            return console.expect(peer + "|\\(no connected nodes.*", WAIT).group().equals(peer);
        });
    }

    @Test
    void twoNodesConnectRunACounterAndTalkAcross() throws Exception {
        ForkedConsole a = null;
        ForkedConsole b = null;
        try {
            a = node("a");
            int portA = Integer.parseInt(a.expect("node a listening on 127\\.0\\.0\\.1:(\\d+)", WAIT).group(1));
            b = node("b", "--connect", "127.0.0.1:" + portA);
            b.expect("node b listening on 127\\.0\\.0\\.1:\\d+", WAIT);
            b.expect("connected to a at 127\\.0\\.0\\.1:" + portA, WAIT);

            awaitListed(a, "b"); // b knows a once a greeted it; a knows b a moment later
            awaitListed(b, "a");

            // the seed's mobility_example: a counter ticking on node a
            a.send("spawn Counter counter");
            a.expect(PID + " registered as counter", WAIT);
            a.expect("counter 1 on node a", WAIT);
            a.expect("counter 2 on node a", WAIT);
            a.send("spawn Pong pong");
            a.expect(PID + " registered as pong", WAIT);
            a.send("ps -l");
            String counter = a.expect("(" + LONG_PID + ") +counter +io\\.procmobility\\.examples\\.Counter .*", WAIT).group(1);
            String pong = a.expect("(" + LONG_PID + ") +pong +io\\.procmobility\\.examples\\.Pong .*", WAIT).group(1);

            // node b reaches a's processes by their long pids
            b.send("call " + counter + " value");
            Matcher value = b.expect("(\\d+)", WAIT);
            assertThat(Long.parseLong(value.group(1))).isPositive();
            b.send("spawn Ping ping");
            b.expect(PID + " registered as ping", WAIT);
            b.send("send ping [play, " + pong + ", 25]");
            b.expect("ok", WAIT);
            b.expect("ping: 25 rounds with " + PID + " on node b", WAIT);

            a.send("whereis counter");
            a.expect(PID, WAIT);
            a.send("quit");
            b.send("quit");
            assertThat(a.awaitExit(WAIT)).as(a.transcript()).isZero();
            assertThat(b.awaitExit(WAIT)).as(b.transcript()).isZero();
            assertThat(Files.exists(home.resolve("cookie"))).as("a cookie was given: no file created").isFalse();
        } finally {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        }
    }
}
