package io.procmobility.benchmarks;

import io.procmobility.benchmarks.loom.LoomContinuations;
import io.procmobility.benchmarks.loom.LoomSuspendLoop;
import io.procmobility.benchmarks.workload.SuspendLoop;
import io.procmobility.continuation.Continuation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Target 1(b): one suspend + resume round trip with a stack {@code depth} frames deep (target: within
 * 2× of the JDK's internal continuation, {@link #loom()}, the baseline). One op of {@link #ours()} is
 * one {@code continueWith} that restores the stack and runs to the next {@code suspend}, which
 * captures it again; one op of {@link #loom()} is one {@code Continuation.run()} to the next
 * {@code yield}. {@link #loom()} needs JDK 21+ and {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}
 * (set on the fork); elsewhere it fails with the reason, and {@code run.sh} leaves it out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class SuspendResumeBenchmarks {
    /** The option the fork needs for {@link #loom()}. */
    public static final String ADD_EXPORTS = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED";

    @Param({"1", "10", "100"})
    public int depth;

    private Continuation continuation;
    private Object loomContinuation;

    /** Whether the subclass runs on a carrier thread. */
    protected abstract boolean onCarrier();

    @Setup
    public void setUp() {
        CarrierExecutor.expectCarrier(onCarrier());
        Workload loop = new InstrumentingLoader(SuspendLoop.class.getClassLoader())
                .newInstance(SuspendLoop.class, Workload.class);
        loop.setUp(depth, true);
        continuation = Continuation.startWith(loop);
        if (continuation.isDone() || continuation.depth() != depth) {
            throw new IllegalStateException("expected a suspended stack of " + depth + " frames, got " + continuation);
        }
        if (LoomContinuations.available()) {
            loomContinuation = LoomContinuations.create(new LoomSuspendLoop(depth));
            LoomContinuations.run(loomContinuation);
            if (LoomContinuations.isDone(loomContinuation)) {
                throw new IllegalStateException("the JDK continuation did not yield");
            }
        }
    }

    /** Ours: resume the captured stack, run to the next suspension, capture it again. */
    @Benchmark
    public Continuation ours() {
        Continuation next = Continuation.continueWith(continuation, null);
        continuation = next;
        return next;
    }

    /** Baseline: the JDK's internal continuation, run to its next yield. */
    @Benchmark
    public Object loom() {
        Object c = loomContinuation;
        if (c == null) {
            LoomContinuations.requireAvailable();
        }
        LoomContinuations.run(c);
        return c;
    }
}
