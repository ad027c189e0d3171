package io.procmobility.benchmarks;

import io.procmobility.benchmarks.workload.Fib;
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
 * Target 1(a): instrumented code that never suspends vs the same plain code (target ≤ 1.2×).
 * {@link #plain()} is the baseline; {@link #instrumented()} calls the instrumented copy normally (no
 * continuation running: the common case); {@link #instrumentedInContinuation()} runs it inside
 * {@code Continuation.startWith}. Subclasses pick the thread: a plain JMH thread or a carrier.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class FibBenchmarks {
    @Param("25")
    public int n;

    private Workload plain;
    private Workload instrumented;

    /** Whether the subclass runs on a carrier thread. */
    protected abstract boolean onCarrier();

    @Setup
    public void setUp() {
        CarrierExecutor.expectCarrier(onCarrier());
        plain = new Fib();
        instrumented = new InstrumentingLoader(Fib.class.getClassLoader()).newInstance(Fib.class, Workload.class);
        if (!InstrumentingLoader.isInstrumented(instrumented.getClass())) {
            throw new IllegalStateException("Fib was not instrumented");
        }
        plain.setUp(n, false);
        instrumented.setUp(n, false);
    }

    /** Baseline: the plain class, loaded normally. */
    @Benchmark
    public long plain() {
        plain.run();
        return plain.result();
    }

    /** The instrumented copy, called normally (no continuation on this thread). */
    @Benchmark
    public long instrumented() {
        instrumented.run();
        return instrumented.result();
    }

    /** The instrumented copy inside a running continuation (it never suspends). */
    @Benchmark
    public long instrumentedInContinuation() {
        Continuation.startWith(instrumented);
        return instrumented.result();
    }
}
