package io.procmobility.benchmarks;

import io.procmobility.benchmarks.workload.Pinger;
import io.procmobility.benchmarks.workload.Ponger;
import io.procmobility.process.Endpoint;
import io.procmobility.process.ProcessRef;
import io.procmobility.process.ProcessRuntime;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Two processes, {@link Pinger} and {@link Ponger}, playing ping-pong on a runtime's carriers. The
 * caller's thread only starts a batch (one message to the pinger) and waits on a latch that an
 * {@link Endpoint} releases when the pinger reports the batch done, so the caller takes no part
 * in the round trips.
 */
public final class ProcessPingPong implements AutoCloseable {
    private final ProcessRuntime runtime;
    private final Endpoint done;
    private final ProcessRef ponger;
    private final ProcessRef pinger;
    private volatile CountDownLatch latch;
    private volatile Object reply;

    /** Spawns the pair on {@code runtime} (which the caller owns and closes). */
    public ProcessPingPong(ProcessRuntime runtime, InstrumentingLoader loader) {
        this.runtime = runtime;
        this.done = runtime.openEndpoint(message -> {
            reply = message;
            latch.countDown();
        });
        this.ponger = runtime.spawn(ProcessWorkloads.create(loader, Ponger.class));
        this.pinger = runtime.spawn(ProcessWorkloads.create(loader, Pinger.class, ponger.pid(), done.pid()));
    }

    /** Plays {@code n} round trips and returns the number of pongs the pinger received. */
    public int roundTrips(int n) throws InterruptedException {
        CountDownLatch l = new CountDownLatch(1);
        latch = l;
        pinger.send(n);
        if (!l.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("ping-pong of " + n + " round trips did not finish in 60 s; processes: "
                    + runtime.processes());
        }
        return (Integer) reply;
    }

    /** Ends both processes and closes the endpoint (the runtime stays up). */
    @Override
    public void close() throws Exception {
        pinger.send("stop");
        ponger.send("stop");
        runtime.awaitExit(pinger.pid(), Duration.ofSeconds(30));
        runtime.awaitExit(ponger.pid(), Duration.ofSeconds(30));
        done.close();
    }
}
