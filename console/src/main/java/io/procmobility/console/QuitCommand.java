package io.procmobility.console;

import java.util.List;

/** {@code quit}: stops the node and leaves the console (end of input does the same). */
final class QuitCommand implements ConsoleCommand {
    @Override
    public String name() {
        return "quit";
    }

    @Override
    public String usage() {
        return "quit";
    }

    @Override
    public String summary() {
        return "stop this node and leave (Ctrl-D too)";
    }

    @Override
    public void run(List<String> args, ConsoleContext context) {
        expect(args, 0, 0);
        // CommandTable sees the name and stops reading; nothing to do here.
    }
}
