package io.procmobility.benchmarks;

import io.procmobility.benchmarks.workload.MixedFrames;
import io.procmobility.continuation.Continuation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Target 1(c): capture + serialize + deserialize of a {@code depth}-frame stack with mixed locals
 * ({@link MixedFrames}), on a carrier thread. {@link #plainRun()} is the same code plain and not
 * suspending (the work itself); {@link #capture()} runs it instrumented to the suspension (descend +
 * capture); {@link #captureAndResume()} also resumes it to the end (restore + finish);
 * {@link #serializeDeserialize()} is Kryo alone on a captured continuation;
 * {@link #captureSerializeDeserialize()} is the whole chain. The serialized size is printed by the
 * setup and by {@link Report} ({@link SerializedSize}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = {CarrierExecutor.EXECUTOR, CarrierExecutor.EXECUTOR_CLASS})
public class CaptureBenchmarks {
    @Param("10")
    public int depth;

    private Workload plain;
    private Workload instrumented;
    private SerializedSize serial;
    private Continuation captured;

    @Setup
    public void setUp() {
        CarrierExecutor.expectCarrier(true);
        plain = new MixedFrames();
        plain.setUp(depth, false);
        instrumented = new InstrumentingLoader(MixedFrames.class.getClassLoader())
                .newInstance(MixedFrames.class, Workload.class);
        instrumented.setUp(depth, true);
        Continuation c = Continuation.startWith(instrumented);
        if (c.depth() != depth) {
            throw new IllegalStateException("expected " + depth + " frames, got " + c);
        }
        Continuation.continueWith(c, MixedFrames.VALUE_IN);
        plain.run();
        if (instrumented.result() != plain.result()) {
            throw new IllegalStateException("instrumented result " + instrumented.result() + " != plain " + plain.result());
        }
        serial = new SerializedSize(depth);
        captured = serial.capture();
        byte[] bytes = serial.serializer.serialize(captured);
        Continuation restored = serial.serializer.deserialize(bytes);
        Continuation.continueWith(restored, MixedFrames.VALUE_IN);
        long result = ((Workload) restored.target()).result();
        if (result != plain.result()) {
            throw new IllegalStateException("deserialized run gave " + result + ", plain " + plain.result());
        }
        System.out.println("serialized continuation of " + depth + " frames (MixedFrames): " + bytes.length + " bytes");
    }

    /** Reference: the plain code, not suspending. */
    @Benchmark
    public long plainRun() {
        plain.run();
        return plain.result();
    }

    /** Run instrumented to the suspension at the top of the stack, capturing every frame. */
    @Benchmark
    public Continuation capture() {
        return Continuation.startWith(instrumented);
    }

    /** Capture, then resume to the end (restores every frame). */
    @Benchmark
    public long captureAndResume() {
        Continuation c = Continuation.startWith(instrumented);
        Continuation.continueWith(c, MixedFrames.VALUE_IN);
        return instrumented.result();
    }

    /** Serialize and deserialize a captured continuation (Kryo alone). */
    @Benchmark
    public Continuation serializeDeserialize() {
        return serial.serializer.deserialize(serial.serializer.serialize(captured));
    }

    /** Capture, serialize, deserialize: what a migration costs on the CPU before the network. */
    @Benchmark
    public Continuation captureSerializeDeserialize() {
        return serial.serializer.deserialize(serial.serializer.serialize(serial.capture()));
    }
}
