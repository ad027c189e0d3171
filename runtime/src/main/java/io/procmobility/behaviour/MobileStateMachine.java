package io.procmobility.behaviour;

import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessExit;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.Processes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A state machine (Erlang's gen_statem, in its {@code handle_event_function} style): one handler
 * gets every event with the current state and data and returns a {@link Transition}. States are
 * any values compared with {@code equals} (an enum is the usual choice; switch on it).
 *
 * <pre>{@code
 * protected Transition<Door, String> handleEvent(Event event, Door state, String entered) {
 *     switch (state) {
 *         case LOCKED:
 *             if (event.is(EventType.CAST) && event.content() instanceof Button b) {
 *                 String digits = entered + b.digit();
 *                 return digits.equals(code)
 *                         ? Transition.next(Door.OPEN, "").stateTimeout(Duration.ofSeconds(10), "relock")
 *                         : Transition.<Door, String>keepState(digits).eventTimeout(Duration.ofSeconds(5), "reset");
 *             }
 *             ...
 *     }
 * }
 * }</pre>
 *
 * <p>Events: calls ({@link EventType#CALL}, reply with {@link Transition#reply} or later with
 * {@link From#reply}), casts, any other message ({@link EventType#INFO}), and the two timeouts.
 * A <b>state timeout</b> fires when the machine stays in a state for the given time and is
 * cancelled by any change of state; an <b>event timeout</b> fires when no event at all arrives
 * in time. A <b>postponed</b> event is handed again, before newer ones, after the next change of
 * state. Timeouts are receive timeouts of the machine's own loop: no timer threads.
 *
 * <p>{@link #terminate} runs on a {@link Transition#stop}, on {@link #stop(Pid, ExitReason, Duration)}
 * and when the handler throws (the machine then still crashes with that exception).
 *
 * @param <S> the states
 * @param <D> the data carried from state to state
 */
public abstract class MobileStateMachine<S, D> implements MobileProcess {
    /**
     * The initial state and data, as {@link Transition#next}, with optional actions (e.g. a state
     * timeout); {@link Transition#stop} ends the machine at once without {@code terminate}.
     */
    protected abstract Transition<S, D> init();

    /** Handles one event in {@code state}; never returns null. */
    protected abstract Transition<S, D> handleEvent(Event event, S state, D data);

    /** Called before the machine ends on a stop or a handler crash. */
    protected void terminate(ExitReason reason, S state, D data) {
    }

    /** The machine's loop; not to be called or overridden. */
    @Override
    public final void run() {
        Transition<S, D> start = init();
        if (start == null || (!start.isStop() && start.keepState) || start.postpone) {
            throw new IllegalStateException(getClass().getName() + ".init() must return Transition.next(state, data)"
                    + " or Transition.stop(reason), not " + start);
        }
        if (start.isStop()) {
            end(start.stopReason);
            return;
        }
        S state = start.state;
        D data = start.data;
        Timers timers = new Timers();
        List<Event> retry = new ArrayList<>();     // postponed events handed again after a state change
        List<Event> postponed = new ArrayList<>(); // postponed in the current state
        sendReplies(start);
        setTimers(start, timers);
        while (true) {
            Object next = retry.isEmpty() ? nextEvent(timers) : retry.remove(0);
            if (next == null) {
                continue;
            }
            if (next instanceof StopRequest stop) {
                terminate(stop.reason(), state, data);
                end(stop.reason());
                return;
            }
            Event event = (Event) next;
            timers.cancelEvent(); // any event cancels the event timeout
            Transition<S, D> transition;
            try {
                transition = handleEvent(event, state, data);
                if (transition == null) {
                    throw new IllegalStateException(getClass().getName() + ".handleEvent returned null for "
                            + event + " in state " + state + "; return a Transition");
                }
                sendReplies(transition);
            } catch (ProcessExit e) {
                throw e;
            } catch (RuntimeException | Error e) {
                terminateAfterCrash(e, state, data);
                throw e;
            }
            if (!transition.keepData) {
                data = transition.data;
            }
            if (transition.isStop()) {
                terminate(transition.stopReason, state, data);
                end(transition.stopReason);
                return;
            }
            if (transition.postpone) {
                postponed.add(event);
            }
            if (!transition.keepState && !Objects.equals(transition.state, state)) {
                state = transition.state;
                timers.cancelState();
                retry.addAll(0, postponed);
                postponed.clear();
            }
            setTimers(transition, timers);
        }
    }

    /**
     * The next event from the mailbox or a due timer; a {@link StopRequest}; or null for a
     * message to drop (a reply that came after its call timed out).
     */
    private Object nextEvent(Timers timers) {
        Object message;
        if (timers.armed()) {
            long wait = timers.millisToNext();
            // A due timer goes first, so that a steady stream of messages cannot starve it.
            message = wait == 0 ? null : Processes.receive(Duration.ofMillis(wait));
            if (message == null) {
                return timers.fire();
            }
        } else {
            message = Processes.receive();
        }
        if (message instanceof Call call) {
            return new Event(EventType.CALL, call.request(), call.from());
        }
        if (message instanceof Cast cast) {
            return new Event(EventType.CAST, cast.request(), null);
        }
        if (message instanceof CallReply) {
            return null;
        }
        if (message instanceof StopRequest) {
            return message;
        }
        return new Event(EventType.INFO, message, null);
    }

    private static void sendReplies(Transition<?, ?> transition) {
        for (int i = 0; i < transition.replyTo.size(); i++) {
            transition.replyTo.get(i).reply(transition.replyValues.get(i));
        }
    }

    private static void setTimers(Transition<?, ?> transition, Timers timers) {
        if (transition.cancelStateTimeout) {
            timers.cancelState();
        }
        if (transition.stateTimeout != null) {
            timers.armState(transition.stateTimeout, transition.stateTimeoutContent);
        }
        if (transition.eventTimeout != null) {
            timers.armEvent(transition.eventTimeout, transition.eventTimeoutContent);
        }
    }

    private void terminateAfterCrash(Throwable crash, S state, D data) {
        try {
            terminate(ExitReason.crash(crash), state, data);
        } catch (ProcessExit e) {
            throw e;
        } catch (RuntimeException | Error e) {
            crash.addSuppressed(e);
        }
    }

    private static void end(ExitReason reason) {
        if (!reason.isNormal()) {
            Processes.exit(reason);
        }
    }

    // ---- client API (the call protocol is the one of MobileServer)

    /** Calls the machine from inside a process (a {@link EventType#CALL} event); see {@link MobileServer#call(Pid, Object, Duration)}. */
    @SuppressWarnings("unchecked")
    public static <T> T call(Pid machine, Object request, Duration timeout) {
        return (T) CallProtocol.call(machine, request, timeout);
    }

    /** Calls the machine from outside processes (blocks); see {@link MobileServer#call(ProcessRuntime, Pid, Object, Duration)}. */
    @SuppressWarnings("unchecked")
    public static <T> T call(ProcessRuntime runtime, Pid machine, Object request, Duration timeout) {
        return (T) CallProtocol.call(runtime, machine, request, timeout);
    }

    /** Sends a {@link EventType#CAST} event from inside a process. */
    public static void cast(Pid machine, Object request) {
        Processes.send(machine, new Cast(request));
    }

    /** Sends a {@link EventType#CAST} event from outside processes. */
    public static void cast(ProcessRuntime runtime, Pid machine, Object request) {
        runtime.send(machine, new Cast(request));
    }

    /** Stops the machine from inside a process (runs {@code terminate}); returns its exit reason once it ended. */
    public static ExitReason stop(Pid machine, ExitReason reason, Duration timeout) {
        return CallProtocol.stop(machine, reason, timeout);
    }

    /** {@link #stop(Pid, ExitReason, Duration)} from outside processes. */
    public static ExitReason stop(ProcessRuntime runtime, Pid machine, ExitReason reason, Duration timeout) {
        return CallProtocol.stop(runtime, machine, reason, timeout);
    }
}
