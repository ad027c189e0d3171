package io.procmobility.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * {@link ProcessBenchmarks#pingPong} and {@link ProcessBenchmarks#serverCall} with {@code -Dprocmobility.verifyCapture=false}: no stack walk
 * before each suspension in {@code receive()}, which is most of the cost of a blocking receive.
 * The ping-pong's baselines are {@link ProcessBenchmarks}' thread ping-pongs from the same run
 * (another fork); the call's baseline is this class's own ping-pong.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = "-Dprocmobility.verifyCapture=false")
public class ProcessUnverifiedBenchmarks {
    /** Ours, unverified: one round trip between two processes. */
    @Benchmark
    @OperationsPerInvocation(ProcessBenchmarks.ROUND_TRIPS)
    public int pingPong(ProcessBenchmarks.Procs s) throws InterruptedException {
        return ProcessBenchmarks.check(s.pingPong.roundTrips(ProcessBenchmarks.ROUND_TRIPS), ProcessBenchmarks.ROUND_TRIPS);
    }

    /** Ours, unverified: one gen_server call from a client process. */
    @Benchmark
    @OperationsPerInvocation(ProcessBenchmarks.CALLS)
    public int serverCall(ProcessBenchmarks.Procs s) throws InterruptedException {
        return ProcessBenchmarks.check(s.caller.run(ProcessBenchmarks.CALLS), ProcessBenchmarks.CALLS);
    }
}
