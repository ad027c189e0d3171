package io.procmobility.console;

import io.procmobility.node.Node;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The console on a terminal (JLine): a prompt with the node's name, tab completion, history kept
 * in a file across sessions, Ctrl-C to drop the line, Ctrl-D or {@code quit} to leave. What
 * processes print, and log lines, appear above the prompt.
 */
final class InteractiveConsole {
    private InteractiveConsole() {
    }

    static void run(Node node, SpawnableClasses classes, Path historyFile) throws IOException {
        Files.createDirectories(historyFile.toAbsolutePath().getParent());
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("procmobility").build()) {
            // Notices (a monitored process went down) come on other threads: above the prompt, like process output.
            ConsoleContext context = new ConsoleContext(node, terminal.writer(), classes, line -> System.out.println(line));
            CommandTable commands = new CommandTable(context);
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("procmobility")
                    .completer(new ConsoleCompleter(commands.names(), classes, node))
                    .variable(LineReader.HISTORY_FILE, historyFile)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            Charset charset = terminal.encoding();
            PrintStream originalOut = System.out;
            PrintStream originalErr = System.err;
            // Process output (System.out) and log lines (System.err) go above the prompt, not into the typed line.
            System.setOut(new PrintStream(new LinePrinter(reader::printAbove, charset), true, charset));
            System.setErr(new PrintStream(new LinePrinter(reader::printAbove, charset), true, charset));
            try {
                context.println("type help for the commands, Tab to complete, quit or Ctrl-D to stop the node");
                String prompt = node.name() + "> ";
                while (true) {
                    String line;
                    try {
                        line = reader.readLine(prompt);
                    } catch (UserInterruptException e) {
                        continue;
                    } catch (EndOfFileException e) {
                        break;
                    }
                    if (!commands.execute(line)) {
                        break;
                    }
                }
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
                reader.getHistory().save();
            }
        }
    }
}
