package io.procmobility.console;

import io.procmobility.process.ProcessInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code ps [-l]}: the node's live processes, one per line under a header. */
final class PsCommand implements ConsoleCommand {
    @Override
    public String name() {
        return "ps";
    }

    @Override
    public String usage() {
        return "ps [-l]";
    }

    @Override
    public String summary() {
        return "list this node's processes (-l: long pids, usable from other nodes, and full class names)";
    }

    @Override
    public void run(List<String> args, ConsoleContext context) {
        expect(args, 0, 1);
        boolean long_ = !args.isEmpty();
        if (long_ && !args.get(0).equals("-l")) {
            throw new UserError("usage: " + usage());
        }
        List<ProcessInfo> processes = context.runtime().processes();
        if (processes.isEmpty()) {
            context.println("(no processes)");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PID", "NAME", "BEHAVIOUR", "STATUS", "MAILBOX", "WHERE"});
        for (ProcessInfo p : processes) {
            rows.add(new String[] {
                long_ ? PidBook.formatLong(p.pid()) : context.format(p.pid()),
                p.name() == null ? "-" : p.name(),
                long_ ? p.behaviour() : shortName(p.behaviour()),
                p.status().name().toLowerCase(Locale.ROOT),
                Integer.toString(p.mailboxLength()),
                p.location().isEmpty() ? "-" : p.location(),
            });
        }
        Table.print(rows, context);
    }

    private static String shortName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
