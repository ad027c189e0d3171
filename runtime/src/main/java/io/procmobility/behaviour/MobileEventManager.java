package io.procmobility.behaviour;

import io.procmobility.behaviour.ManagerRequests.AddHandler;
import io.procmobility.behaviour.ManagerRequests.DeleteHandler;
import io.procmobility.behaviour.ManagerRequests.HandlerCall;
import io.procmobility.behaviour.ManagerRequests.Notify;
import io.procmobility.behaviour.ManagerRequests.WhichHandlers;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessExit;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.Processes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event manager (Erlang's gen_event): a process holding {@link EventHandler}s, each under an
 * id; every event goes to all of them, in the order they were added. A handler that throws is
 * removed (its {@code terminate} gets the crash) while the manager and the other handlers go on.
 *
 * <pre>{@code
 * Pid manager = runtime.spawn(new MobileEventManager()).pid();
 * MobileEventManager.addHandler(runtime, manager, "log", new LogHandler(), timeout);
 * MobileEventManager.notify(runtime, manager, new Alarm("disk full"));
 * }</pre>
 *
 * <p>Every operation exists twice: for process code (the caller suspends) and, taking a
 * {@link ProcessRuntime} first, for code outside processes (the calling thread blocks).
 */
public final class MobileEventManager implements MobileProcess {
    private static final Logger LOG = LoggerFactory.getLogger(MobileEventManager.class);
    private static final ExitReason REMOVED = ExitReason.of("removed");

    /** A handler and its id; plain data kept in the loop's frame. */
    private record Entry(String id, EventHandler handler) {
    }

    /** The manager's loop; not to be called. */
    @Override
    public void run() {
        List<Entry> handlers = new ArrayList<>();
        while (true) {
            Object message = Processes.receive();
            if (message instanceof Cast cast && cast.request() instanceof Notify notify) {
                dispatch(handlers, notify.event(), false);
            } else if (message instanceof Call call) {
                call.from().reply(handleCall(handlers, call.request()));
            } else if (message instanceof StopRequest stop) {
                for (int i = 0; i < handlers.size(); i++) {
                    terminate(handlers.get(i), stop.reason());
                }
                if (!stop.reason().isNormal()) {
                    Processes.exit(stop.reason());
                }
                return;
            } else if (!(message instanceof CallReply)) { // a reply after its call timed out is dropped
                dispatch(handlers, message, true);
            }
        }
    }

    private Object handleCall(List<Entry> handlers, Object request) {
        if (request instanceof Notify notify) {
            dispatch(handlers, notify.event(), false);
            return null;
        }
        if (request instanceof AddHandler add) {
            return add(handlers, add);
        }
        if (request instanceof DeleteHandler delete) {
            Entry entry = find(handlers, delete.id());
            if (entry == null) {
                return Boolean.FALSE;
            }
            handlers.remove(entry);
            terminate(entry, REMOVED);
            return Boolean.TRUE;
        }
        if (request instanceof HandlerCall call) {
            Entry entry = find(handlers, call.id());
            if (entry == null) {
                return new CallError(ExitReason.of("bad_handler"), "no handler " + call.id() + " in event manager "
                        + Processes.self() + " (handlers: " + ids(handlers) + ")");
            }
            try {
                return entry.handler().handleCall(call.request());
            } catch (ProcessExit e) {
                throw e;
            } catch (RuntimeException | Error e) {
                ExitReason crash = removeCrashed(handlers, entry, e);
                return new CallError(crash, "handler " + call.id() + " crashed and was removed: " + e);
            }
        }
        if (request instanceof WhichHandlers) {
            return ids(handlers);
        }
        return new CallError(ExitReason.of("bad_request"), "an event manager does not handle " + CallException.describe(request));
    }

    private Object add(List<Entry> handlers, AddHandler add) {
        if (find(handlers, add.id()) != null) {
            return new CallError(ExitReason.of("already_added"), "a handler " + add.id() + " is already added");
        }
        try {
            add.handler().init();
        } catch (ProcessExit e) {
            throw e;
        } catch (RuntimeException | Error e) {
            return new CallError(ExitReason.crash(e), "handler " + add.id() + " failed in init and was not added: " + e);
        }
        handlers.add(new Entry(add.id(), add.handler()));
        return null;
    }

    /** Hands {@code event} to every handler; crashed ones are removed, the rest still get it. */
    private void dispatch(List<Entry> handlers, Object event, boolean info) {
        List<Entry> snapshot = new ArrayList<>(handlers);
        for (int i = 0; i < snapshot.size(); i++) {
            Entry entry = snapshot.get(i);
            try {
                if (info) {
                    entry.handler().handleInfo(event);
                } else {
                    entry.handler().handleEvent(event);
                }
            } catch (ProcessExit e) {
                throw e;
            } catch (RuntimeException | Error e) {
                removeCrashed(handlers, entry, e);
            }
        }
    }

    private ExitReason removeCrashed(List<Entry> handlers, Entry entry, Throwable crash) {
        LOG.warn("event handler {} in {} crashed and was removed", entry.id(), Processes.self(), crash);
        handlers.remove(entry);
        ExitReason reason = ExitReason.crash(crash);
        terminate(entry, reason);
        return reason;
    }

    /** Runs a leaving handler's terminate; its failure is logged, it cannot keep the handler in. */
    private void terminate(Entry entry, ExitReason reason) {
        try {
            entry.handler().terminate(reason);
        } catch (ProcessExit e) {
            throw e;
        } catch (RuntimeException | Error e) {
            LOG.warn("event handler {} failed in terminate({})", entry.id(), reason, e);
        }
    }

    private static Entry find(List<Entry> handlers, String id) {
        for (int i = 0; i < handlers.size(); i++) {
            if (handlers.get(i).id().equals(id)) {
                return handlers.get(i);
            }
        }
        return null;
    }

    private static List<String> ids(List<Entry> handlers) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < handlers.size(); i++) {
            ids.add(handlers.get(i).id());
        }
        return ids;
    }

    // ---- client API; runtime == null means "from inside a process"

    private static Object request(ProcessRuntime runtime, Pid manager, Object request, Duration timeout) {
        Object value = runtime == null
                ? CallProtocol.call(manager, request, timeout)
                : CallProtocol.call(runtime, manager, request, timeout);
        return CallProtocol.unwrapError(manager, request, value);
    }

    /**
     * Adds {@code handler} under {@code id} (from inside a process) once its {@code init} ran.
     *
     * @throws CallFailedException when the id is taken ({@code already_added}), init threw, or the
     *     manager is not alive
     */
    public static void addHandler(Pid manager, String id, EventHandler handler, Duration timeout) {
        request(null, manager, new AddHandler(id, handler), timeout);
    }

    /** {@link #addHandler(Pid, String, EventHandler, Duration)} from outside processes. */
    public static void addHandler(ProcessRuntime runtime, Pid manager, String id, EventHandler handler, Duration timeout) {
        request(runtime, manager, new AddHandler(id, handler), timeout);
    }

    /** Removes handler {@code id} (its terminate gets {@code removed}); false when there was none. */
    public static boolean deleteHandler(Pid manager, String id, Duration timeout) {
        return (Boolean) request(null, manager, new DeleteHandler(id), timeout);
    }

    /** {@link #deleteHandler(Pid, String, Duration)} from outside processes. */
    public static boolean deleteHandler(ProcessRuntime runtime, Pid manager, String id, Duration timeout) {
        return (Boolean) request(runtime, manager, new DeleteHandler(id), timeout);
    }

    /** Sends {@code event} to every handler and returns at once (from inside a process). */
    public static void notify(Pid manager, Object event) {
        Processes.send(manager, new Cast(new Notify(event)));
    }

    /** {@link #notify(Pid, Object)} from outside processes. */
    public static void notify(ProcessRuntime runtime, Pid manager, Object event) {
        runtime.send(manager, new Cast(new Notify(event)));
    }

    /** Sends {@code event} to every handler and returns once all of them handled it. */
    public static void syncNotify(Pid manager, Object event, Duration timeout) {
        request(null, manager, new Notify(event), timeout);
    }

    /** {@link #syncNotify(Pid, Object, Duration)} from outside processes. */
    public static void syncNotify(ProcessRuntime runtime, Pid manager, Object event, Duration timeout) {
        request(runtime, manager, new Notify(event), timeout);
    }

    /**
     * Calls handler {@code id}'s {@code handleCall} and returns its answer.
     *
     * @throws CallFailedException when there is no such handler ({@code bad_handler}), it crashed
     *     (it is then removed), or the manager is not alive
     */
    @SuppressWarnings("unchecked")
    public static <T> T call(Pid manager, String id, Object request, Duration timeout) {
        return (T) request(null, manager, new HandlerCall(id, request), timeout);
    }

    /** {@link #call(Pid, String, Object, Duration)} from outside processes. */
    @SuppressWarnings("unchecked")
    public static <T> T call(ProcessRuntime runtime, Pid manager, String id, Object request, Duration timeout) {
        return (T) request(runtime, manager, new HandlerCall(id, request), timeout);
    }

    /** The ids of the handlers, in the order they were added. */
    @SuppressWarnings("unchecked")
    public static List<String> whichHandlers(Pid manager, Duration timeout) {
        return (List<String>) request(null, manager, new WhichHandlers(), timeout);
    }

    /** {@link #whichHandlers(Pid, Duration)} from outside processes. */
    @SuppressWarnings("unchecked")
    public static List<String> whichHandlers(ProcessRuntime runtime, Pid manager, Duration timeout) {
        return (List<String>) request(runtime, manager, new WhichHandlers(), timeout);
    }

    /** Stops the manager: every handler's terminate gets {@code reason}; returns the manager's exit reason. */
    public static ExitReason stop(Pid manager, ExitReason reason, Duration timeout) {
        return CallProtocol.stop(manager, reason, timeout);
    }

    /** {@link #stop(Pid, ExitReason, Duration)} from outside processes. */
    public static ExitReason stop(ProcessRuntime runtime, Pid manager, ExitReason reason, Duration timeout) {
        return CallProtocol.stop(runtime, manager, reason, timeout);
    }
}
