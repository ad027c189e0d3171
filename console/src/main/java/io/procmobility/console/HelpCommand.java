package io.procmobility.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code help [command]}: the commands with one line each, or one command's usage. */
final class HelpCommand implements ConsoleCommand {
    private final Map<String, ConsoleCommand> commands;

    /** @param commands all commands by name (this one included), read when help runs */
    HelpCommand(Map<String, ConsoleCommand> commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "help [command]";
    }

    @Override
    public String summary() {
        return "this list, or the usage of one command";
    }

    @Override
    public void run(List<String> args, ConsoleContext context) {
        expect(args, 0, 1);
        if (args.size() == 1) {
            ConsoleCommand command = commands.get(args.get(0));
            if (command == null) {
                throw new UserError("no command '" + args.get(0) + "' (try: help)");
            }
            context.println("usage: " + command.usage());
            context.println("  " + command.summary());
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (ConsoleCommand command : commands.values()) {
            rows.add(new String[] {command.usage(), command.summary()});
        }
        Table.print(rows, context);
        context.println("messages: 42, 5000000000, word, \"a string\", <1a2b3c4d.7>, [list, of, terms]");
    }
}
