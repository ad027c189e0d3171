package io.procmobility.benchmarks;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Endpoint;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRef;
import io.procmobility.process.ProcessRuntime;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A driver process that runs batches against a target process: it is constructed with
 * {@code (Pid target, Pid replyTo)}, and on an {@link Integer} {@code n} does {@code n} operations
 * against the target, then sends a count to {@code replyTo}. The caller's thread only starts a
 * batch (one message) and waits on a latch that an {@link Endpoint} releases when the count comes
 * back, so it takes no part in the operations. Any other message ends the driver.
 */
public final class ProcessBatch implements AutoCloseable {
    private final ProcessRuntime runtime;
    private final Endpoint done;
    private final ProcessRef driver;
    private volatile CountDownLatch latch;
    private volatile Object reply;

    /** Spawns the driver {@code type} on {@code runtime} (which the caller owns and closes). */
    public ProcessBatch(ProcessRuntime runtime, InstrumentingLoader loader, Class<? extends MobileProcess> type, Pid target) {
        this.runtime = runtime;
        this.done = runtime.openEndpoint(message -> {
            reply = message;
            latch.countDown();
        });
        this.driver = runtime.spawn(ProcessWorkloads.create(loader, type, target, done.pid()));
    }

    /** Runs a batch of {@code n} operations and returns the driver's count. */
    public int run(int n) throws InterruptedException {
        CountDownLatch l = new CountDownLatch(1);
        latch = l;
        driver.send(n);
        if (!l.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a batch of " + n + " did not finish in 60 s; processes: " + runtime.processes());
        }
        return (Integer) reply;
    }

    /** Ends the driver and closes the endpoint (the runtime stays up). */
    @Override
    public void close() throws Exception {
        driver.send("stop");
        runtime.awaitExit(driver.pid(), Duration.ofSeconds(30));
        done.close();
    }
}
