package io.procmobility.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's commands by name: runs one typed line and prints its result, or one line
 * {@code error: ...} for a mistake (a bug shows its exception in one line too, the stack trace
 * goes to the debug log).
 */
final class CommandTable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandTable.class);

    private final Map<String, ConsoleCommand> commands = new LinkedHashMap<>();
    private final ConsoleContext context;

    CommandTable(ConsoleContext context) {
        this.context = context;
        for (ConsoleCommand command : List.of(new PsCommand(), new SpawnCommand(), new SendCommand(), new CallCommand(),
                new SendMeCommand(), new WhereisCommand(), new MonitorCommand(), new NodesCommand(), new ConnectCommand(),
                new HelpCommand(commands), new QuitCommand())) {
            commands.put(command.name(), command);
        }
    }

    /** Command names, in help order. */
    List<String> names() {
        return List.copyOf(commands.keySet());
    }

    /**
     * Runs one line ({@code #} starts a comment; blank lines do nothing).
     *
     * @return false when the line asks to quit
     */
    boolean execute(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return true;
        }
        try {
            List<String> words = LineTokenizer.split(trimmed);
            ConsoleCommand command = commands.get(words.get(0));
            if (command == null) {
                throw new UserError("unknown command '" + words.get(0) + "' (try: help)");
            }
            command.run(words.subList(1, words.size()), context);
            return !(command instanceof QuitCommand);
        } catch (UserError e) {
            context.println("error: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.debug("command failed: {}", trimmed, e);
            context.println("error: " + e);
        }
        return true;
    }
}
