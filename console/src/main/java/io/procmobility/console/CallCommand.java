package io.procmobility.console;

import io.procmobility.behaviour.CallException;
import io.procmobility.behaviour.MobileServer;
import io.procmobility.process.Pid;
import java.time.Duration;
import java.util.List;

/** {@code call <pid|name> <request> [timeoutMs]}: a gen_server call; prints the reply. */
final class CallCommand implements ConsoleCommand {
    @Override
    public String name() {
        return "call";
    }

    @Override
    public String usage() {
        return "call <pid|name> <request> [timeoutMs]";
    }

    @Override
    public String summary() {
        return "call a server (MobileServer) and print its reply; default timeout "
                + MobileServer.DEFAULT_TIMEOUT.toMillis() + " ms";
    }

    @Override
    public void run(List<String> args, ConsoleContext context) {
        expect(args, 2, 3);
        Pid server = context.target(args.get(0));
        Object request = context.message(args.get(1));
        Duration timeout = MobileServer.DEFAULT_TIMEOUT;
        if (args.size() == 3) {
            if (!(TermParser.number(args.get(2)) instanceof Integer ms) || ms <= 0) {
                throw new UserError("timeout must be a positive number of milliseconds, not " + args.get(2)
                        + " (several values? put them in a list: [get, color])");
            }
            timeout = Duration.ofMillis(ms);
        }
        Object reply;
        try {
            reply = MobileServer.call(context.runtime(), server, request, timeout);
        } catch (CallException e) {
            throw new UserError(e.getMessage());
        }
        context.println(context.format(reply));
    }
}
