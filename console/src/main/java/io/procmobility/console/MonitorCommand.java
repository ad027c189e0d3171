package io.procmobility.console;

import io.procmobility.process.Pid;
import java.util.List;

/**
 * {@code monitor <pid|name>}: watches a process, here or on another node; a line
 * {@code down: <pid> (name) reason} comes when it ends, or {@code nodedown} when the cluster
 * detects that its node failed.
 */
final class MonitorCommand implements ConsoleCommand {
    @Override
    public String name() {
        return "monitor";
    }

    @Override
    public String usage() {
        return "monitor <pid|name>";
    }

    @Override
    public String summary() {
        return "watch a process: a line when it ends, or 'nodedown' when its node fails";
    }

    @Override
    public void run(List<String> args, ConsoleContext context) {
        expect(args, 1, 1);
        Pid pid = context.target(args.get(0));
        String where = context.node().locate(pid).map(n -> " on node " + n).orElse("");
        context.watch(pid, args.get(0));
        context.println("monitoring " + context.format(pid) + where);
    }
}
