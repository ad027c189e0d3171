package io.procmobility.behaviour;

import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessExit;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.Processes;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generic server (Erlang's gen_server): a process that keeps a state and answers requests one
 * at a time. Subclasses give {@link #init()} and the handlers; the loop in {@link #run()} receives
 * messages and calls them. Handlers are ordinary process code: they may suspend, e.g. to call
 * another server with {@link #call(Pid, Object, Duration)} — the server then waits without holding a
 * thread, and other messages queue up until the handler returns.
 *
 * <pre>{@code
 * public class Counter extends MobileServer<Integer> {
 *     protected Integer init() { return 0; }
 *     protected ServerResult<Integer> handleCall(Object request, From from, Integer n) {
 *         return ServerResult.reply(n, n);                       // "get"
 *     }
 *     protected ServerResult<Integer> handleCast(Object request, Integer n) {
 *         return ServerResult.noReply(n + 1);                    // "increment"
 *     }
 * }
 * Pid counter = runtime.spawn(new Counter()).pid();
 * MobileServer.cast(runtime, counter, "increment");
 * int n = MobileServer.call(runtime, counter, "get", Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Messages: a {@link #call} reaches {@link #handleCall}, a {@link #cast} reaches
 * {@link #handleCast}, anything else sent to the process (including {@code Down} and, when
 * trapping exits, {@code Exit} messages) reaches {@link #handleInfo}. {@link #terminate} runs when
 * a handler returns {@link ServerResult#stop}, when {@link #stop(Pid, ExitReason, Duration)} is
 * called, and when a handler throws (the server then still crashes with that exception). It does
 * not run when an exit signal kills the server (a link or {@code exit(pid, reason)}), as in Erlang
 * without trapping exits.
 *
 * @param <S> the state; kept in the loop's frame, so it travels with the process when it moves
 */
public abstract class MobileServer<S> implements MobileProcess {
    /** The timeout of the call overloads that take none (Erlang's 5 s). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(MobileServer.class);

    /** The initial state; runs first thing in the new process (it may suspend, e.g. to call others). */
    protected abstract S init();

    /**
     * Handles a synchronous request. Return {@link ServerResult#reply}, or {@link ServerResult#noReply}
     * and answer later with {@link From#reply}, or {@link ServerResult#stop}.
     */
    protected abstract ServerResult<S> handleCall(Object request, From from, S state);

    /** Handles an asynchronous request; the default crashes the server, as an unexpected cast does in Erlang. */
    protected ServerResult<S> handleCast(Object request, S state) {
        throw new UnsupportedOperationException(getClass().getName() + " does not handle casts (got a "
                + CallException.describe(request) + "); override handleCast");
    }

    /** Handles any other message; the default logs it at debug level and ignores it. */
    protected ServerResult<S> handleInfo(Object message, S state) {
        LOG.debug("{} ignored an unexpected message: {}", getClass().getName(), message);
        return ServerResult.noReply(state);
    }

    /** Called before the server ends on a stop or a handler crash; release what the state holds. */
    protected void terminate(ExitReason reason, S state) {
    }

    /** The server loop; not to be called or overridden. */
    @Override
    public final void run() {
        S state = init();
        while (true) {
            Object message = Processes.receive();
            if (message instanceof CallReply) {
                continue; // a reply that came after its call (made by one of our handlers) timed out
            }
            ServerResult<S> result;
            try {
                result = dispatch(message, state);
            } catch (ProcessExit e) {
                throw e;
            } catch (RuntimeException | Error e) {
                terminateAfterCrash(e, state);
                throw e;
            }
            state = result.state;
            if (result.kind == ServerResult.Kind.STOP) {
                terminate(result.reason, state);
                if (!result.reason.isNormal()) {
                    Processes.exit(result.reason);
                }
                return;
            }
        }
    }

    /** Runs the handler {@code message} is for and sends the reply it asks for. */
    private ServerResult<S> dispatch(Object message, S state) {
        From from = null;
        ServerResult<S> result;
        String handler;
        if (message instanceof Call call) {
            from = call.from();
            result = handleCall(call.request(), from, state);
            handler = "handleCall";
        } else if (message instanceof Cast cast) {
            result = handleCast(cast.request(), state);
            handler = "handleCast";
        } else if (message instanceof StopRequest stop) {
            return ServerResult.stop(stop.reason(), state);
        } else {
            result = handleInfo(message, state);
            handler = "handleInfo";
        }
        if (result == null) {
            throw new IllegalStateException(getClass().getName() + "." + handler + " returned null; return a ServerResult");
        }
        if (result.hasReply) {
            if (from == null) {
                throw new IllegalStateException(getClass().getName() + "." + handler + " returned " + result
                        + ", but only handleCall has a caller to reply to; use noReply or stop(reason, state)");
            }
            from.reply(result.reply);
        }
        return result;
    }

    private void terminateAfterCrash(Throwable crash, S state) {
        try {
            terminate(ExitReason.crash(crash), state);
        } catch (ProcessExit e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // The handler's exception stays the exit reason; terminate's own failure rides along.
            crash.addSuppressed(e);
        }
    }

    // ---- client API

    /**
     * Calls {@code server} from inside a process and returns its reply; the caller suspends
     * meanwhile (other messages stay in its mailbox).
     *
     * @throws CallFailedException at once when {@code server} is not alive ({@code noproc}), or
     *     when it ends before replying
     * @throws CallTimeoutException when no reply came within {@code timeout}
     */
    @SuppressWarnings("unchecked")
    public static <T> T call(Pid server, Object request, Duration timeout) {
        return (T) CallProtocol.call(server, request, timeout);
    }

    /** {@link #call(Pid, Object, Duration)} with {@link #DEFAULT_TIMEOUT}. */
    public static <T> T call(Pid server, Object request) {
        return call(server, request, DEFAULT_TIMEOUT);
    }

    /**
     * Calls {@code server} from code that is not a process (a main thread, a test); blocks the
     * calling thread. Do not use it inside a process: it would hold the carrier thread.
     *
     * @throws CallFailedException at once when {@code server} is not alive ({@code noproc}), or
     *     when it ends before replying
     * @throws CallTimeoutException when no reply came within {@code timeout}
     */
    @SuppressWarnings("unchecked")
    public static <T> T call(ProcessRuntime runtime, Pid server, Object request, Duration timeout) {
        return (T) CallProtocol.call(runtime, server, request, timeout);
    }

    /** Sends {@code request} to {@code server}'s {@link #handleCast} from inside a process; returns at once. */
    public static void cast(Pid server, Object request) {
        Processes.send(server, new Cast(request));
    }

    /** Sends {@code request} to {@code server}'s {@link #handleCast} from outside processes; returns at once. */
    public static void cast(ProcessRuntime runtime, Pid server, Object request) {
        runtime.send(server, new Cast(request));
    }

    /**
     * Stops {@code server} from inside a process: it runs {@code terminate(reason, state)} and
     * ends; returns its exit reason once it has ended (a crash reason if terminate threw).
     */
    public static ExitReason stop(Pid server, ExitReason reason, Duration timeout) {
        return CallProtocol.stop(server, reason, timeout);
    }

    /** {@link #stop(Pid, ExitReason, Duration)} from outside processes (blocks the calling thread). */
    public static ExitReason stop(ProcessRuntime runtime, Pid server, ExitReason reason, Duration timeout) {
        return CallProtocol.stop(runtime, server, reason, timeout);
    }
}
