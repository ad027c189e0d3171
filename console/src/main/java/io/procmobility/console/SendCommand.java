package io.procmobility.console;

import io.procmobility.process.Pid;
import java.util.List;

/** {@code send <pid|name> <message>}: sends a message (Erlang's {@code !}); prints {@code ok}. */
final class SendCommand implements ConsoleCommand {
    @Override
    public String name() {
        return "send";
    }

    @Override
    public String usage() {
        return "send <pid|name> <message>";
    }

    @Override
    public String summary() {
        return "send a message: a number, a word, \"a string\", a <pid> or a [list, of, terms]";
    }

    @Override
    public void run(List<String> args, ConsoleContext context) {
        if (args.size() > 2) {
            throw new UserError("send takes one message; put several values in a list: send "
                    + args.get(0) + " [" + String.join(", ", args.subList(1, args.size())) + "]");
        }
        expect(args, 2, 2);
        Pid to = context.target(args.get(0));
        Object message = context.message(args.get(1));
        context.requireNotEnded(to, "; message not sent");
        try {
            context.node().send(to, message);
        } catch (io.procmobility.registry.NodeDownException e) {
            throw new UserError(e.getMessage());
        }
        context.println("ok");
    }
}
