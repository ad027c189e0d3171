package io.procmobility.benchmarks;

import io.procmobility.benchmarks.workload.MixedFrames;
import io.procmobility.continuation.Continuation;
import io.procmobility.serial.ContinuationSerializer;
import io.procmobility.serial.SerialAllowlist;

/**
 * The continuation of {@link MixedFrames} suspended at the top of its stack, with a serializer that
 * allows the workload package: shared by {@link CaptureBenchmarks} and the size line of {@link Report}.
 */
public final class SerializedSize {
    /** The instrumented workload (its copy in an {@link InstrumentingLoader}). */
    public final Workload workload;
    /** Serializer resolving classes through the workload's loader. */
    public final ContinuationSerializer serializer;

    /** Prepares an instrumented {@link MixedFrames} of {@code depth} frames and a serializer for it. */
    public SerializedSize(int depth) {
        InstrumentingLoader loader = new InstrumentingLoader(MixedFrames.class.getClassLoader());
        workload = loader.newInstance(MixedFrames.class, Workload.class);
        workload.setUp(depth, true);
        serializer = new ContinuationSerializer(
                SerialAllowlist.builder().allowPackage(InstrumentingLoader.WORKLOAD_PACKAGE + "**").build(), loader);
    }

    /** Captures the stack (runs the workload to its suspension). */
    public Continuation capture() {
        return Continuation.startWith(workload);
    }

    /** Size in bytes of the serialized continuation of a {@code depth}-frame stack. */
    public static int bytes(int depth) {
        SerializedSize s = new SerializedSize(depth);
        return s.serializer.serialize(s.capture()).length;
    }
}
