package io.procmobility.console;

import java.util.List;

/** One console command: its name, its help, and what it does with the words typed after it. */
interface ConsoleCommand {
    /** The word that runs it. */
    String name();

    /** Synopsis, e.g. {@code send <pid|name> <message>}. */
    String usage();

    /** One line for {@code help}. */
    String summary();

    /**
     * Runs with the words after the command name and prints its results through {@code context}.
     *
     * @throws UserError for a mistake of the user; the console prints it as one line
     */
    void run(List<String> args, ConsoleContext context);

    /** Checks the number of words; throws {@link UserError} with the usage otherwise. */
    default void expect(List<String> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw new UserError("usage: " + usage());
        }
    }
}
