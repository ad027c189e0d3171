package io.procmobility.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.examples.KvStore;
import io.procmobility.node.Node;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.transport.TransportConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's commands, run in-process through its stdin script mode. */
class ConsoleScriptTest {
    private static final String PID = "<[0-9a-f]{8}\\.\\d+>";

    @TempDir
    Path home;

    /** Needs arguments: the console cannot spawn it. */
    public static class NeedsArguments implements MobileProcess {
        public NeedsArguments(int n) {
        }

        @Override
        public void run() {
        }
    }

    /** Not instrumented (test classes are not): the console warns before spawning it. */
    public static class NotInstrumented implements MobileProcess {
        public NotInstrumented() {
        }

        @Override
        public void run() {
        }
    }

    @Test
    void warnsWhenAClassIsNotInstrumented() {
        ConsoleRun run = ConsoleRun.node(home, "spawn io.procmobility.console.ConsoleScriptTest$NotInstrumented\n");
        assertThat(run.results()).as(run.toString()).hasSize(2);
        assertThat(run.results().get(0)).isEqualTo("warning: io.procmobility.console.ConsoleScriptTest$NotInstrumented is not"
                + " instrumented: it will fail at its first receive or sleep. Instrument it at build time, or start the JVM with"
                + " -javaagent:procmobility-agent.jar=include=io.procmobility.console.**");
        assertThat(run.results().get(1)).matches(PID);
    }

    @Test
    void printsWhereItListensThenRunsTheScriptAndEndsAtEndOfInput() {
        ConsoleRun run = ConsoleRun.node(home, "");
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(run.lines()).hasSize(1);
        assertThat(run.lines().get(0)).matches("node t listening on 127\\.0\\.0\\.1:\\d+");
        assertThat(run.err).isEmpty();
    }

    @Test
    void helpListsEveryCommand() {
        ConsoleRun run = ConsoleRun.node(home, "help\nhelp send\n");
        String out = run.out;
        for (String command : List.of("ps", "spawn", "send", "call", "send_me", "whereis", "nodes", "connect", "help", "quit")) {
            assertThat(out).contains("\n" + command + " ");
        }
        assertThat(run.results()).contains("usage: send <pid|name> <message>");
    }

    @Test
    void counterSession() {
        ConsoleRun run = ConsoleRun.node(home, """
                spawn io.procmobility.examples.Counter counter
                whereis counter
                call counter value
                send counter reset
                ps
                whereis nobody
                send counter stop
                """);
        List<String> results = run.results();
        assertThat(results.get(0)).as(run.toString()).matches(PID + " registered as counter");
        String pid = results.get(0).substring(0, results.get(0).indexOf(' '));
        assertThat(results.get(1)).isEqualTo(pid);
        assertThat(results.get(2)).matches("\\d+");
        assertThat(results.get(3)).isEqualTo("ok");
        assertThat(results.get(4)).matches("PID +NAME +BEHAVIOUR +STATUS +MAILBOX +WHERE");
        assertThat(results.get(5)).startsWith(pid + "  counter  Counter  ");
        assertThat(results.get(6)).isEqualTo("undefined");
        assertThat(results.get(7)).isEqualTo("ok");
        assertThat(results).hasSize(8);
    }

    @Test
    void keyValueSessionWithQuotedStringsListsAndNumbers() {
        ConsoleRun run = ConsoleRun.node(home, """
                spawn KvStore kv
                call kv [put, color, "dark blue"]
                call kv [put, big, 5000000000]
                call kv [get, color]
                call kv [get, big]
                call kv keys
                call kv size
                call kv [get, missing]
                call kv [frobnicate] 2000
                send kv [put, n, -7]
                call kv [get, n]
                """);
        assertThat(run.results()).as(run.toString()).containsExactly(
                run.results().get(0), "null", "null", "\"dark blue\"", "5000000000", "[big, color]", "2", "null",
                "[error, \"unknown request [frobnicate]; try [put, key, value], [get, key], [delete, key], keys, size, stop\"]",
                "ok", "-7");
        assertThat(run.results().get(0)).matches(PID + " registered as kv");
    }

    @Test
    void userMistakesAreOneLineErrors() {
        ConsoleRun run = ConsoleRun.node(home, """
                frobnicate
                send nobody hello
                call nobody value
                send
                send a b c
                whereis
                spawn Nope
                spawn java.lang.String
                spawn io.procmobility.console.ConsoleScriptTest$NeedsArguments
                send x [unclosed
                send x "unclosed
                send <zzz> hi
                send <12345678.99> hi
                call x value soon
                connect nowhere
                send_me x somewhere/else
                ps -x
                help nope
                """);
        assertThat(run.results()).as(run.toString()).containsExactly(
                "error: unknown command 'frobnicate' (try: help)",
                "error: no process named 'nobody' (try: ps)",
                "error: no process named 'nobody' (try: ps)",
                "error: usage: send <pid|name> <message>",
                "error: send takes one message; put several values in a list: send a [b, c]",
                "error: usage: whereis <name>",
                "error: no class Nope on the class path (try: Counter, KvStore, Ping, Pong, RecursiveSum)",
                "error: java.lang.String is not a process: it must implement io.procmobility.behaviour.MobileProcess (or extend a behaviour such as MobileServer)",
                "error: io.procmobility.console.ConsoleScriptTest$NeedsArguments cannot be spawned from the console: it has no public no-argument constructor",
                "error: unclosed '[': add ]",
                "error: unclosed quote: add a closing \"",
                "error: bad pid <zzz>: expected <1a2b3c4d.7> as printed by ps or spawn",
                "error: no known process <12345678.99> (try: ps; a pid of another node: type its long form from ps -l there)",
                "error: no process named 'x' (try: ps)",
                "error: bad address 'nowhere': expected host:port, e.g. 127.0.0.1:1806",
                "error: no process named 'x' (try: ps)",
                "error: usage: ps [-l]",
                "error: no command 'nope' (try: help)");
        assertThat(run.out).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void badMessagesAndTimeoutsAreOneLineErrorsToo() {
        ConsoleRun run = ConsoleRun.node(home, """
                spawn Pong pong
                spawn Counter counter
                send pong [a,, b]
                call pong ping 200
                call counter value soon
                call counter value -5
                send_me counter somewhere/else
                spawn Pong pong
                """);
        List<String> results = run.results();
        assertThat(results.get(2)).as(run.toString()).isEqualTo("error: bad message [a,, b]: a value is missing at column 4");
        assertThat(results.get(3)).matches("error: call to " + PID + " with a java.lang.String request timed out after 200 ms.*");
        assertThat(results.get(4)).startsWith("error: timeout must be a positive number of milliseconds, not soon");
        assertThat(results.get(5)).startsWith("error: timeout must be a positive number of milliseconds, not -5");
        assertThat(results.get(6)).isEqualTo("error: bad destination 'somewhere/else': expected a node name (e.g. b) or tcp://host:port");
        assertThat(results.get(7)).matches("error: the name 'pong' is taken by " + PID + " \\(try: ps\\)");
    }

    @Test
    void sendMeToANodeThatIsNotThereFailsInOneLineAndTheProcessStaysHere() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ConsoleRun run = ConsoleRun.node(home, "spawn Counter counter\nsend_me counter tcp://127.0.0.1:" + closed
                + "\ncall counter [go, \"tcp://127.0.0.1:" + closed + "\"]\nwhereis counter\n");
        List<String> results = run.results();
        assertThat(results.get(1)).as(run.toString()).startsWith("error: ").contains("counter").doesNotContain("Exception");
        assertThat(results.get(2)).startsWith("[not_moved, ");
        assertThat(results.get(3)).isEqualTo(results.get(0).split(" ")[0]);
    }

    @Test
    void sendsAndCallsReachProcessesOnAConnectedNode() throws Exception {
        try (Node b = Node.start(TransportConfig.builder("b", ConsoleRun.COOKIE).port(0).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(2))) {
            String store = PidBook.formatLong(b.runtime().spawn(new KvStore()).pid());
            ConsoleRun run = ConsoleRun.node(home, "nodes\nconnect 127.0.0.1:" + b.port() + "\nnodes\n"
                    + "call " + store + " [put, from, console]\n"
                    + "send " + store + " [put, sent, 1]\n"
                    + "call " + store + " keys\n");
            assertThat(run.results()).as(run.toString()).containsExactly(
                    "(no connected nodes; try: connect <host:port>)",
                    "connected to b at 127.0.0.1:" + b.port(),
                    "b",
                    "null",
                    "ok",
                    "[from, sent]");
        }
    }

    @Test
    void connectsAtStartAndSaysWhenTheCookieIsWrong() throws Exception {
        try (Node b = Node.start(TransportConfig.builder("b", "another-cookie").port(0).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(2))) {
            ConsoleRun run = ConsoleRun.node(home, "nodes\n", "--connect", "127.0.0.1:" + b.port());
            assertThat(run.results().get(0)).as(run.toString()).startsWith("error: ").contains("127.0.0.1:" + b.port());
            assertThat(run.results().get(1)).startsWith("(no connected nodes");
        }
    }

    @Test
    void quitStopsReadingAndCommentsAndBlankLinesAreSkipped() {
        ConsoleRun run = ConsoleRun.node(home, "# a comment\n\nwhereis x\nquit\nwhereis y\n");
        assertThat(run.status).isZero();
        assertThat(run.results()).containsExactly("undefined");
    }

    @Test
    void startUpProblemsAreOneLineOnStderrWithAStatus() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            ConsoleRun run = ConsoleRun.main("", "node", "--name", "t", "--port", Integer.toString(taken.getLocalPort()),
                    "--cookie", "c", "--home", home.toString());
            assertThat(run.status).isEqualTo(1);
            assertThat(run.out).isEmpty();
            assertThat(run.err.lines().toList()).hasSize(1);
            assertThat(run.err).startsWith("error: cannot start node t: ").contains(Integer.toString(taken.getLocalPort()));
        }
        ConsoleRun noName = ConsoleRun.main("", "node", "--port", "0");
        assertThat(noName.status).isEqualTo(2);
        assertThat(noName.err).contains("Missing required option: '--name=NAME'").contains("Usage: procmobility node");

        ConsoleRun badPeer = ConsoleRun.main("", "node", "--name", "t", "--port", "0", "--cookie", "c", "--connect", "nope");
        assertThat(badPeer.status).isEqualTo(1);
        assertThat(badPeer.err).isEqualTo("error: bad address 'nope': expected host:port, e.g. 127.0.0.1:1806" + System.lineSeparator());

        ConsoleRun badName = ConsoleRun.main("", "node", "--name", "has space", "--port", "0", "--cookie", "c");
        assertThat(badName.status).isEqualTo(1);
        assertThat(badName.err).startsWith("error: Node name 'has?space' must be");

        ConsoleRun nothing = ConsoleRun.main("");
        assertThat(nothing.status).isEqualTo(2);
        assertThat(nothing.err).contains("a command is missing");
    }

    @Test
    void theCookieComesFromTheHomeFolderWhenNotGiven() {
        ConsoleRun run = ConsoleRun.main("", "node", "--name", "t", "--port", "0", "--home", home.toString());
        assertThat(run.status).as(run.toString()).isZero();
        assertThat(home.resolve("cookie")).isRegularFile();
    }
}
