package io.procmobility.benchmarks;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.behaviour.MobileServer;
import io.procmobility.benchmarks.workload.Caller;
import io.procmobility.benchmarks.workload.CounterServer;
import io.procmobility.benchmarks.workload.Quit;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRef;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.ProcessRuntimeConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Processes (DESIGN.md §6 "messages per second local", spawn rate): one op of {@link #pingPong} is
 * one round trip between two processes ({@link ProcessPingPong}; a batch of {@link #ROUND_TRIPS}
 * per invocation, JMH's thread only starts the batch and waits), one op of {@link #spawnExit} is
 * one spawn of a process that ends at once, waited for; one op of {@link #serverCall} is one
 * gen_server call from a client process ({@link #serverCallFromThread}: from JMH's thread). All run
 * with 1 and 2 carrier threads.
 * Baselines measured in the same fork: the same ping-pong between two platform threads over
 * {@code SynchronousQueue} and between two virtual threads (JDK 21+ only; {@code run.sh} leaves
 * them out on 17), and platform/virtual thread start + join. Capture verification is on (the
 * default); {@link ProcessUnverifiedBenchmarks} repeats the ping-pong without it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProcessBenchmarks {
    /** Round trips per invocation for processes and virtual threads. */
    public static final int ROUND_TRIPS = 10_000;
    /** Round trips per invocation for platform threads (~36 µs each on this machine). */
    public static final int THREAD_ROUND_TRIPS = 1_000;
    /** Spawns (or thread starts) per invocation. */
    public static final int SPAWNS = 1_000;
    /** gen_server calls per invocation (from a process). */
    public static final int CALLS = 10_000;

    /** A runtime with {@code carriers} carrier threads, a ping-pong pair on it, and spawn factories. */
    @State(Scope.Benchmark)
    public static class Procs {
        @Param({"1", "2"})
        public int carriers;

        ProcessRuntime runtime;
        ProcessPingPong pingPong;
        ProcessRef server;
        ProcessBatch caller;
        Function<Void, MobileProcess> quit;
        final Pid[] pids = new Pid[SPAWNS];

        @Setup(Level.Trial)
        public void setUp() throws InterruptedException {
            InstrumentingLoader loader = new InstrumentingLoader(ProcessBenchmarks.class.getClassLoader());
            runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(carriers));
            pingPong = new ProcessPingPong(runtime, loader);
            quit = ProcessWorkloads.factory(loader, Quit.class);
            server = runtime.spawn(ProcessWorkloads.create(loader, CounterServer.class));
            caller = new ProcessBatch(runtime, loader, Caller.class, server.pid());
            check(pingPong.roundTrips(10), 10);
            check(caller.run(10), 10);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            pingPong.close();
            caller.close();
            MobileServer.stop(runtime, server.pid(), ExitReason.NORMAL, Duration.ofSeconds(30));
            runtime.close();
        }
    }

    /** Two platform threads playing ping-pong. */
    @State(Scope.Benchmark)
    public static class Platform {
        ThreadPingPong pingPong;

        @Setup(Level.Trial)
        public void setUp() {
            pingPong = ThreadPingPong.platform();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            pingPong.close();
        }
    }

    /** Two virtual threads playing ping-pong (JDK 21+). */
    @State(Scope.Benchmark)
    public static class Virtual {
        ThreadPingPong pingPong;

        @Setup(Level.Trial)
        public void setUp() {
            pingPong = ThreadPingPong.virtual();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            pingPong.close();
        }
    }

    /** Scratch arrays for thread start + join. */
    @State(Scope.Thread)
    public static class Threads {
        final Thread[] threads = new Thread[SPAWNS];
    }

    /** Ours: one round trip between two processes. */
    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public int pingPong(Procs s) throws InterruptedException {
        return check(s.pingPong.roundTrips(ROUND_TRIPS), ROUND_TRIPS);
    }

    /**
     * Ours: one gen_server call ({@link MobileServer#call(Pid, Object)}: monitor, send, selective
     * receive with the default 5 s timeout, demonitor) from a client process; its baseline is
     * {@link #pingPong} (a bare round trip) with the same carriers.
     */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int serverCall(Procs s) throws InterruptedException {
        return check(s.caller.run(CALLS), CALLS);
    }

    /** Ours: one blocking gen_server call from JMH's thread (not a process: a one-shot endpoint, the thread parks). */
    @Benchmark
    public Object serverCallFromThread(Procs s) {
        return MobileServer.call(s.runtime, s.server.pid(), "ping", MobileServer.DEFAULT_TIMEOUT);
    }

    /** Baseline: one round trip between two platform threads over {@code SynchronousQueue}. */
    @Benchmark
    @OperationsPerInvocation(THREAD_ROUND_TRIPS)
    public int pingPongPlatformThreads(Platform s) throws InterruptedException {
        return check(s.pingPong.roundTrips(THREAD_ROUND_TRIPS), THREAD_ROUND_TRIPS);
    }

    /** Baseline: one round trip between two virtual threads over {@code SynchronousQueue} (JDK 21+). */
    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public int pingPongVirtualThreads(Virtual s) throws InterruptedException {
        return check(s.pingPong.roundTrips(ROUND_TRIPS), ROUND_TRIPS);
    }

    /** Ours: spawn a process that ends at once; all {@link #SPAWNS} exits awaited. */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public int spawnExit(Procs s) throws Exception {
        return check(SpawnExit.processes(s.runtime, s.quit, s.pids), SPAWNS);
    }

    /** Baseline: start a platform thread with an empty task; all joined. */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public int spawnExitPlatformThreads(Threads s) throws InterruptedException {
        return check(SpawnExit.threads(SpawnExit::platformThread, s.threads), SPAWNS);
    }

    /** Baseline: start a virtual thread with an empty task; all joined (JDK 21+). */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public int spawnExitVirtualThreads(Threads s) throws InterruptedException {
        return check(SpawnExit.threads(VirtualThreads::start, s.threads), SPAWNS);
    }

    static int check(int got, int expected) {
        if (got != expected) {
            throw new IllegalStateException("expected " + expected + ", got " + got);
        }
        return got;
    }
}
