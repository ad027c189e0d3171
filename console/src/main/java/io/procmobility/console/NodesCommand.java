package io.procmobility.console;

import java.util.List;
import java.util.TreeSet;

/** {@code nodes}: the names of the nodes connected to this one, one per line. */
final class NodesCommand implements ConsoleCommand {
    @Override
    public String name() {
        return "nodes";
    }

    @Override
    public String usage() {
        return "nodes";
    }

    @Override
    public String summary() {
        return "list the nodes connected to this one";
    }

    @Override
    public void run(List<String> args, ConsoleContext context) {
        expect(args, 0, 0);
        TreeSet<String> nodes = new TreeSet<>(context.node().connectedNodes());
        if (nodes.isEmpty()) {
            context.println("(no connected nodes; try: connect <host:port>)");
            return;
        }
        nodes.forEach(context::println);
    }
}
