package io.procmobility.console;

import java.util.List;

/** {@code connect <host:port>}: connects this node to another one (both sides then list each other in {@code nodes}). */
final class ConnectCommand implements ConsoleCommand {
    @Override
    public String name() {
        return "connect";
    }

    @Override
    public String usage() {
        return "connect <host:port>";
    }

    @Override
    public String summary() {
        return "connect to the node listening on host:port (same cookie needed)";
    }

    @Override
    public void run(List<String> args, ConsoleContext context) {
        expect(args, 1, 1);
        context.println(Connector.connect(context.node(), HostPort.parse(args.get(0)), ConsoleContext.CONNECT_TIMEOUT));
    }
}
