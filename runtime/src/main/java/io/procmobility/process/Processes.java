package io.procmobility.process;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.internal.StackRecorder;
import io.procmobility.internal.StackVerifier;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What process code calls from inside a process: {@code self()}, sending, receiving, sleeping,
 * links, monitors and names. Receiving and sleeping suspend the process (its stack is captured,
 * no thread is held) until a message arrives or the time is up.
 *
 * <pre>{@code
 * public void run() {                                   // a MobileProcess
 *     while (true) {
 *         Object m = Processes.receive();
 *         if (m instanceof Ping p) p.from().send(new Pong(Processes.self()));
 *     }
 * }
 * }</pre>
 */
public final class Processes {
    private Processes() {
    }

    /** The calling process's pid. */
    public static Pid self() {
        return ProcessCarrier.currentCarrier("self()").current.pid;
    }

    /** The name of the node the calling process runs on now (it changes when the process migrates). */
    public static String node() {
        return ProcessCarrier.currentCarrier("node()").runtime.nodeName();
    }

    /** The runtime the calling process lives in. */
    public static ProcessRuntime runtime() {
        return ProcessCarrier.currentCarrier("runtime()").runtime;
    }

    /**
     * Sends {@code message} to {@code pid}. Every send spends a reduction: a process that sends
     * a lot without ever waiting yields its carrier when its budget is spent, so it cannot starve
     * the others.
     */
    public static void send(Pid pid, Object message) {
        if (resuming()) {
            await(null); // the message went out before the yield; just finish the yield
            return;
        }
        ProcessCarrier carrier = ProcessCarrier.currentCarrier("send()");
        carrier.runtime.send(pid, message);
        if (carrier.runtime.spendReduction(carrier.current)) {
            await(Wait.yieldNow());
        }
    }

    /** The oldest message in the mailbox, waiting as long as it takes. */
    public static Object receive() {
        return await(resuming() ? null : Wait.receive(null, -1));
    }

    /** The oldest message, or {@code null} when none arrives within {@code timeout} (Erlang's {@code after}). */
    public static Object receive(Duration timeout) {
        return await(resuming() ? null : Wait.receive(null, timeout.toNanos()));
    }

    /**
     * The oldest message matching {@code pattern}; messages that do not match stay in the
     * mailbox, in order, for later receives.
     */
    public static Object receive(Predicate<Object> pattern) {
        return await(resuming() ? null : Wait.receive(Objects.requireNonNull(pattern, "pattern"), -1));
    }

    /** Selective receive with a timeout; {@code null} when no matching message arrives in time. */
    public static Object receive(Predicate<Object> pattern, Duration timeout) {
        return await(resuming() ? null : Wait.receive(Objects.requireNonNull(pattern, "pattern"), timeout.toNanos()));
    }

    /** Suspends the process for {@code duration} without holding a carrier; messages wait in the mailbox. */
    public static void sleep(Duration duration) {
        await(resuming() ? null : Wait.sleep(duration.toNanos()));
    }

    /** Lets other processes run; the process continues at the back of the run queue. */
    public static void yieldNow() {
        await(resuming() ? null : Wait.yieldNow());
    }

    /**
     * The primitive behind {@code io.procmobility.node.Mobility.sendMe}: suspends the caller and
     * asks its node to move it to {@code destination}. Returns on the destination once the move
     * committed; throws (here, where the process goes on) when it did not. Use {@code Mobility.sendMe}.
     *
     * @throws MigrationUnavailableException when this runtime is not part of a node
     */
    public static void migrateSelf(Object destination) {
        if (resuming()) {
            await(null); // arguments are dummies while the frame is restored: the outcome comes from the process
            return;
        }
        Objects.requireNonNull(destination, "destination");
        LocalProcess self = ProcessCarrier.currentCarrier("sendMe()").current;
        synchronized (self) {
            if (self.migrationTarget != null) {
                throw new IllegalStateException("process " + self.pid + " is already being migrated to " + self.migrationTarget);
            }
            self.migrationTarget = destination;
        }
        try {
            await(Wait.migrate());
        } catch (RuntimeException e) {
            self.migrationTarget = null; // the capture check refused: nothing was requested
            throw e;
        }
    }

    /** Spawns a process from inside a process. */
    public static ProcessRef spawn(MobileProcess code) {
        ProcessCarrier carrier = ProcessCarrier.currentCarrier("spawn()");
        return carrier.runtime.spawnFrom(code, carrier.current, false);
    }

    /** Spawns a process linked to the caller, atomically with respect to the child's death. */
    public static ProcessRef spawnLink(MobileProcess code) {
        ProcessCarrier carrier = ProcessCarrier.currentCarrier("spawnLink()");
        return carrier.runtime.spawnFrom(code, carrier.current, true);
    }

    /** Links the caller and {@code pid}: when one ends abnormally, the other gets an exit signal. */
    public static void link(Pid pid) {
        ProcessCarrier carrier = ProcessCarrier.currentCarrier("link()");
        carrier.runtime.link(carrier.current, pid);
    }

    /** Removes a link. */
    public static void unlink(Pid pid) {
        ProcessCarrier carrier = ProcessCarrier.currentCarrier("unlink()");
        carrier.runtime.unlink(carrier.current, pid);
    }

    /** When set, exit signals from links arrive as {@link Exit} messages instead of ending the caller. */
    public static boolean trapExit(boolean trap) {
        return ProcessCarrier.currentCarrier("trapExit()").current.trapExit(trap);
    }

    /** Monitors {@code pid}: the caller gets a {@link Down} message when it ends ({@code noproc} if already dead). */
    public static MonitorRef monitor(Pid pid) {
        ProcessCarrier carrier = ProcessCarrier.currentCarrier("monitor()");
        return carrier.runtime.monitor(carrier.current, pid);
    }

    /**
     * Removes a monitor set on {@code pid}; false when its {@link Down} was already sent (it is then
     * in the mailbox or on its way: flush it with a selective receive on the ref).
     */
    public static boolean demonitor(MonitorRef ref, Pid pid) {
        ProcessCarrier carrier = ProcessCarrier.currentCarrier("demonitor()");
        return carrier.runtime.demonitor(ref, pid);
    }

    /** Registers the caller as {@code name} (unique among live processes). */
    public static void register(String name) {
        ProcessCarrier carrier = ProcessCarrier.currentCarrier("register()");
        carrier.runtime.register(name, carrier.current);
    }

    /** Ends the caller with {@code reason} (its {@code finally} blocks run). */
    public static void exit(ExitReason reason) {
        throw new ProcessExit(reason);
    }

    /**
     * True while the caller's frame is being restored: the arguments it passes are then dummies
     * (zero/null), and the real ones come back with the {@link Wait} resume value.
     */
    private static boolean resuming() {
        return StackRecorder.current().restoring;
    }

    /**
     * The suspension primitive behind receive/sleep/yield. Not instrumented: on a resume it is
     * called again from the restored caller and gets its {@link Wait} back as the resume value.
     */
    private static Object await(Wait requested) {
        StackRecorder recorder = StackRecorder.current();
        LocalProcess self = ProcessCarrier.currentCarrier("receive()/sleep()").current;
        boolean resumed = recorder.restoring;
        Wait wait = resumed ? (Wait) recorder.finishRestore() : requested;
        ExitReason pendingExit = self.pendingExit;
        if (pendingExit != null) {
            throw new ProcessExit(pendingExit);
        }
        if (wait.kind == Wait.Kind.RECEIVE) {
            Object message = self.mailbox.take(wait.pattern);
            if (message != null) {
                return message;
            }
        }
        if (resumed && wait.kind == Wait.Kind.MIGRATE) {
            RuntimeException failure = self.migrationFailure;
            self.migrationFailure = null;
            if (failure != null) {
                throw failure; // still here: the migration did not happen
            }
            return null; // moved: running at the destination now
        }
        if (wait.expired() || (resumed && wait.kind == Wait.Kind.YIELD)) {
            return null;
        }
        if (StackVerifier.ENABLED) {
            StackVerifier.verifyCapturable();
        }
        recorder.beginCapture(wait);
        return null;
    }
}
