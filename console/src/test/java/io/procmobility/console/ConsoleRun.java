package io.procmobility.console;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Runs {@code procmobility node ...} in this JVM with a script on its stdin; collects what it prints. */
final class ConsoleRun {
    static final String COOKIE = "console-test-cookie";

    final int status;
    final String out;
    final String err;

    private ConsoleRun(int status, String out, String err) {
        this.status = status;
        this.out = out;
        this.err = err;
    }

    /** {@code node --name t --port 0 --cookie ... --home home} plus {@code extra}, reading {@code script}. */
    static ConsoleRun node(Path home, String script, String... extra) {
        List<String> args = new ArrayList<>(List.of("node", "--name", "t", "--port", "0", "--cookie", COOKIE,
                "--carriers", "2", "--home", home.toString()));
        args.addAll(Arrays.asList(extra));
        return main(script, args.toArray(String[]::new));
    }

    /** The whole command line, reading {@code script}. */
    static ConsoleRun main(String script, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ConsoleStreams streams = new ConsoleStreams(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, Map.of(), (name, stop) -> { });
        int status = Main.run(args, streams);
        return new ConsoleRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Output lines after the first ({@code node t listening on ...}). */
    List<String> results() {
        List<String> lines = lines();
        return lines.subList(1, lines.size());
    }

    List<String> lines() {
        return out.lines().toList();
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
}
