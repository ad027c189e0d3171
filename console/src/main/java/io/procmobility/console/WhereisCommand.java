package io.procmobility.console;

import java.util.List;

/** {@code whereis <name>}: the pid registered under a name on this node (in a cluster: anywhere in it), or {@code undefined}. */
final class WhereisCommand implements ConsoleCommand {
    @Override
    public String name() {
        return "whereis";
    }

    @Override
    public String usage() {
        return "whereis <name>";
    }

    @Override
    public String summary() {
        return "the pid registered as name (in a cluster: on any node), or undefined";
    }

    @Override
    public void run(List<String> args, ConsoleContext context) {
        expect(args, 1, 1);
        context.println(context.runtime().whereis(args.get(0)).map(context::format).orElse("undefined"));
    }
}
