package io.procmobility.process;

import io.procmobility.continuation.Continuation;
import io.procmobility.serial.ContinuationSerializer;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.serial.SerializationException;
import java.util.Map;

/**
 * Turns a suspended process into bytes and back: its continuation, with its mailbox, wait,
 * links, monitors, name and exit trapping riding along as the continuation's value. This is what
 * the migration protocol moves between nodes.
 */
final class ProcessFreezer {
    /** The runtime's own types that a frozen process carries, on top of the user's allowlist. */
    private static final Class<?>[] RUNTIME_TYPES = {
        FrozenProcess.class, Pid.class, MonitorRef.class, Wait.class, Wait.Kind.class, Wait.AnyMessage.class,
        Wait.NoMessage.class, ExitReason.class,
    };
    /** The behaviours' loops and protocol messages (calls, replies, timers) sit in a frozen behaviour's state. */
    private static final String BEHAVIOUR_PACKAGE = "io.procmobility.behaviour";

    private ProcessFreezer() {
    }

    static SerialAllowlist withRuntimeTypes(SerialAllowlist user) {
        SerialAllowlist.Builder builder = SerialAllowlist.builder().allowAll(user).allowPackage(BEHAVIOUR_PACKAGE);
        for (Class<?> type : RUNTIME_TYPES) {
            builder.allowClass(type);
        }
        return builder.build();
    }

    /**
     * Freezes {@code process}, which must be suspended; on success it no longer exists in its runtime
     * (no exit signal: it did not die). On failure it is left exactly as it was.
     */
    static byte[] freeze(LocalProcess process, SerialAllowlist allowlist, Runnable removeFromRuntime,
            Runnable wakeAfterRollback) {
        if (!process.status.compareAndSet(ProcessStatus.WAITING, ProcessStatus.RUNNING)) {
            throw new IllegalStateException("cannot freeze " + process.pid + ": it is " + process.status().name().toLowerCase()
                    + ", not suspended; a process can be frozen only while it waits in receive, sleep or a call");
        }
        java.util.List<Object> mailbox = process.mailbox.drainAndClose();
        try {
            FrozenProcess state = new FrozenProcess(process.pid, mailbox, process.wait, process.links(), process.monitors(),
                    process.name(), process.trapExit());
            Continuation snapshot = Continuation.restore(process.continuation.target(), process.continuation.frames(), state);
            ContinuationSerializer serializer = new ContinuationSerializer(withRuntimeTypes(allowlist), loaderOf(process.code));
            byte[] bytes = serializer.serialize(snapshot);
            process.status.set(ProcessStatus.EXITED);
            removeFromRuntime.run();
            return bytes;
        } catch (RuntimeException e) {
            process.mailbox.reopen(mailbox);
            process.status.set(ProcessStatus.WAITING);
            if (process.mailbox.hasUnread()) {
                wakeAfterRollback.run();
            }
            throw e;
        }
    }

    /** Reads a frozen process; the caller installs it. */
    static LocalProcess thaw(byte[] bytes, SerialAllowlist allowlist, ClassLoader loader) {
        Continuation continuation = new ContinuationSerializer(withRuntimeTypes(allowlist), loader).deserialize(bytes);
        if (!(continuation.value() instanceof FrozenProcess state) || continuation.isDone()) {
            throw new SerializationException("these bytes are a continuation, not a frozen process (its value is "
                    + (continuation.value() == null ? "null" : continuation.value().getClass().getName()) + ")");
        }
        LocalProcess process = new LocalProcess(state.pid, continuation.target());
        process.continuation = continuation;
        process.wait = state.rebasedWait();
        process.mailbox.requeueFront(state.mailbox);
        state.links.forEach(process::addLink);
        for (Map.Entry<MonitorRef, Pid> monitor : state.monitoredBy.entrySet()) {
            process.addMonitor(monitor.getKey(), monitor.getValue());
        }
        process.trapExit(state.trapExit);
        if (state.name != null) {
            process.name(state.name);
        }
        return process;
    }

    private static ClassLoader loaderOf(Runnable code) {
        ClassLoader loader = code.getClass().getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }
}
