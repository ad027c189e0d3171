package io.procmobility.console;

import io.procmobility.node.Destination;
import io.procmobility.node.MigrationResult;
import io.procmobility.process.Pid;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code send_me <pid|name> <tcp://host:port | node>}: moves a running process to another node,
 * with {@code Node.migrate}.
 */
final class SendMeCommand implements ConsoleCommand {
    /** How long the console waits for the destination's commit. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "send_me";
    }

    @Override
    public String usage() {
        return "send_me <pid|name> <tcp://host:port | node>";
    }

    @Override
    public String summary() {
        return "move a running process, stack and mailbox, to another node (it goes on there mid-loop)";
    }

    @Override
    public void run(List<String> args, ConsoleContext context) {
        expect(args, 2, 2);
        String who = args.get(0);
        Pid pid = context.target(who);
        context.requireNotEnded(pid, "");
        Destination to;
        try {
            to = Destination.parse(args.get(1));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        CompletableFuture<MigrationResult> moving = who.startsWith("<")
                ? context.node().migrate(pid, to)
                : context.node().migrate(who, to);
        MigrationResult result;
        try {
            result = moving.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause.getMessage() != null ? cause.getMessage() : cause.toString();
            throw new UserError(who.startsWith("<") || why.contains("'" + who + "'") ? why : "cannot move '" + who + "': " + why);
        } catch (TimeoutException e) {
            throw new UserError("moving " + context.format(pid) + " to " + to + " did not finish within "
                    + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while moving " + context.format(pid));
        }
        context.println("moved " + context.format(result.pid()) + " to " + result.node() + " (epoch " + result.epoch()
                + ", " + result.bytes() + " bytes)");
    }
}
