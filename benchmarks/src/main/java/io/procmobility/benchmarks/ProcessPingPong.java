package io.procmobility.benchmarks;

import io.procmobility.benchmarks.workload.Pinger;
import io.procmobility.benchmarks.workload.Ponger;
import io.procmobility.process.ProcessRef;
import io.procmobility.process.ProcessRuntime;
import java.time.Duration;

/**
 * Two processes, {@link Pinger} and {@link Ponger}, playing ping-pong on a runtime's carriers; the
 * pinger is driven in batches by a {@link ProcessBatch} (the caller's thread only waits).
 */
public final class ProcessPingPong implements AutoCloseable {
    private final ProcessRuntime runtime;
    private final ProcessRef ponger;
    private final ProcessBatch pinger;

    /** Spawns the pair on {@code runtime} (which the caller owns and closes). */
    public ProcessPingPong(ProcessRuntime runtime, InstrumentingLoader loader) {
        this.runtime = runtime;
        this.ponger = runtime.spawn(ProcessWorkloads.create(loader, Ponger.class));
        this.pinger = new ProcessBatch(runtime, loader, Pinger.class, ponger.pid());
    }

    /** Plays {@code n} round trips and returns the number of pongs the pinger received. */
    public int roundTrips(int n) throws InterruptedException {
        return pinger.run(n);
    }

    /** Ends both processes (the runtime stays up). */
    @Override
    public void close() throws Exception {
        pinger.close();
        ponger.send("stop");
        runtime.awaitExit(ponger.pid(), Duration.ofSeconds(30));
    }
}
