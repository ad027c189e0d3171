package io.procmobility.process;

import io.procmobility.continuation.Continuation;
import io.procmobility.serial.ContinuationSerializer;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.serial.SerializationException;
import java.util.List;
import java.util.Map;

/**
 * Turns a suspended process into bytes and back: its continuation, with its mailbox, wait,
 * links, monitors, name, exit trapping, epoch, trail and message ordering riding along as the
 * continuation's value. This is what the migration protocol moves between nodes.
 */
final class ProcessFreezer {
    /** The runtime's own types that a frozen process carries, on top of the user's allowlist. */
    private static final Class<?>[] RUNTIME_TYPES = {
        FrozenProcess.class, Pid.class, MonitorRef.class, Wait.class, Wait.Kind.class, Wait.AnyMessage.class,
        Wait.NoMessage.class, ExitReason.class, InboundStreams.class, InboundStreams.Stream.class,
    };
    /** The behaviours' loops and protocol messages (calls, replies, timers) sit in a frozen behaviour's state. */
    private static final String BEHAVIOUR_PACKAGE = "io.procmobility.behaviour";

    /** A frozen process and what was taken from it, to put back if the freeze is undone. */
    record Frozen(byte[] bytes, List<Object> mailbox, java.util.Set<Pid> links, Map<MonitorRef, Pid> monitors) {
    }

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
     * Freezes {@code process}, which its caller has moved to {@link ProcessStatus#MIGRATING}: closes
     * its mailbox (later messages are refused, for the caller to queue or route) and serializes it
     * with {@code epoch} and {@code trail}. On failure the mailbox is open again, as it was, and the
     * exception propagates; the caller restores the status.
     */
    static Frozen freeze(LocalProcess process, SerializerCache serializers, SerialAllowlist allowlist, long epoch,
            List<String> trail) {
        List<Object> mailbox = process.mailbox.drainAndClose();
        try {
            java.util.Set<Pid> links = process.links();
            Map<MonitorRef, Pid> monitors = process.monitors();
            FrozenProcess state = new FrozenProcess(process.pid, mailbox, process.wait, links, monitors,
                    process.name(), process.trapExit(), epoch, trail, process.mailbox.streams());
            Continuation snapshot = Continuation.restore(process.continuation.target(), process.continuation.frames(), state);
            ContinuationSerializer serializer = serializers.get(allowlist, loaderOf(process.code));
            return new Frozen(serializer.serialize(snapshot), mailbox, links, monitors);
        } catch (RuntimeException e) {
            process.mailbox.reopen(mailbox);
            throw e;
        }
    }

    /** Reads a frozen process; the caller installs it. */
    static LocalProcess thaw(byte[] bytes, SerializerCache serializers, SerialAllowlist allowlist, ClassLoader loader) {
        Continuation continuation = serializers.get(allowlist, loader).deserialize(bytes);
        if (!(continuation.value() instanceof FrozenProcess state) || continuation.isDone()) {
            throw new SerializationException("these bytes are a continuation, not a frozen process (its value is "
                    + (continuation.value() == null ? "null" : continuation.value().getClass().getName()) + ")");
        }
        // Classes present, instrumented, same bytecode: checked now, so that a destination refuses a
        // process it could not resume instead of accepting it and failing it later.
        io.procmobility.internal.ResumeChecks.verifyResumable(continuation.frames(), loaderOf(continuation.target()));
        LocalProcess process = new LocalProcess(state.pid, continuation.target());
        process.continuation = continuation;
        process.wait = state.rebasedWait();
        process.mailbox.requeueFront(state.mailbox);
        process.mailbox.restoreStreams(state.streams);
        state.links.forEach(process::addLink);
        for (Map.Entry<MonitorRef, Pid> monitor : state.monitoredBy.entrySet()) {
            process.addMonitor(monitor.getKey(), monitor.getValue());
        }
        process.trapExit(state.trapExit);
        if (state.name != null) {
            process.name(state.name);
        }
        process.epoch = state.epoch;
        process.trail = state.trail == null ? List.of() : List.copyOf(state.trail);
        return process;
    }

    private static ClassLoader loaderOf(Runnable code) {
        ClassLoader loader = code.getClass().getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }
}
