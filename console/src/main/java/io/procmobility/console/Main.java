package io.procmobility.console;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point of {@code procmobility.jar} and of {@code bin/procmobility}:
 * {@code procmobility node --name a --port 1805 [--cookie ...] [--connect host:port ...]}.
 */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its status (0 ok, 1 start-up failure, 2 bad arguments). */
    public static void main(String[] args) {
        ConsoleStreams streams = new ConsoleStreams(System.in, System.out, System.err, Terminals.isInteractive(), System.getenv(),
                (nodeName, stop) -> {
                    Runtime.getRuntime().addShutdownHook(new Thread(stop, "procmobility-shutdown"));
                });
        System.exit(run(args, streams));
    }

    /** Runs the command line with the given streams; returns the exit status. */
    static int run(String[] args, ConsoleStreams streams) {
        CommandLine commandLine = new CommandLine(new ProcmobilityCommand());
        commandLine.addSubcommand("node", new NodeCommand(streams));
        commandLine.setOut(new PrintWriter(streams.out(), true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(streams.err(), true, StandardCharsets.UTF_8));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e instanceof UserError ? e.getMessage() : e.toString()));
            return 1;
        });
        return commandLine.execute(args);
    }
}
