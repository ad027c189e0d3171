package io.procmobility.console;

import java.util.List;
import java.util.TreeSet;

/**
 * {@code nodes}: the names of the nodes connected to this one, one per line; in a cluster, every
 * member with its state ({@code this node}, {@code connected}, {@code member}), and connected nodes
 * outside the cluster.
 */
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
        return "list the cluster's members and the nodes connected to this one";
    }

    @Override
    public void run(List<String> args, ConsoleContext context) {
        expect(args, 0, 0);
        java.util.Set<String> members = context.node().members();
        if (!members.isEmpty()) {
            java.util.Set<String> connected = context.node().connectedNodes();
            for (String member : members) {
                context.println(member + "  " + (member.equals(context.node().name()) ? "this node"
                        : connected.contains(member) ? "member, connected" : "member"));
            }
            new TreeSet<>(connected).stream().filter(n -> !members.contains(n))
                    .forEach(n -> context.println(n + "  connected, outside the cluster"));
            return;
        }
        TreeSet<String> nodes = new TreeSet<>(context.node().connectedNodes());
        if (nodes.isEmpty()) {
            context.println("(no connected nodes; try: connect <host:port>)");
            return;
        }
        nodes.forEach(context::println);
    }
}
