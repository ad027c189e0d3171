package io.procmobility.benchmarks;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Baseline: the same ping-pong as {@link ProcessPingPong} between two threads (platform or
 * virtual) over two {@link SynchronousQueue}s. The caller hands a batch size to the pinger and
 * waits for its count through two more {@code SynchronousQueue}s (the analogue of the
 * endpoint + latch).
 */
public final class ThreadPingPong implements AutoCloseable {
    private static final Object PING = "ping";
    private static final Object PONG = "pong";

    private final SynchronousQueue<Object> toPonger = new SynchronousQueue<>();
    private final SynchronousQueue<Object> toPinger = new SynchronousQueue<>();
    private final SynchronousQueue<Integer> commands = new SynchronousQueue<>();
    private final SynchronousQueue<Integer> results = new SynchronousQueue<>();
    private final Thread pinger;
    private final Thread ponger;

    /** Starts the two threads with {@code starter} (which must start the thread it returns). */
    public ThreadPingPong(Function<Runnable, Thread> starter) {
        this.ponger = starter.apply(this::pong);
        this.pinger = starter.apply(this::ping);
    }

    /** Two daemon platform threads. */
    public static ThreadPingPong platform() {
        return new ThreadPingPong(task -> {
            Thread t = new Thread(task, "pingpong");
            t.setDaemon(true);
            t.start();
            return t;
        });
    }

    /** Two virtual threads (JDK 21+; fails with the reason elsewhere). */
    public static ThreadPingPong virtual() {
        if (!VirtualThreads.available()) {
            throw new IllegalStateException(VirtualThreads.unavailableReason());
        }
        return new ThreadPingPong(VirtualThreads::start);
    }

    /** Plays {@code n} round trips and returns the number of pongs the pinger received. */
    public int roundTrips(int n) throws InterruptedException {
        commands.put(n);
        Integer pongs = results.poll(60, TimeUnit.SECONDS);
        if (pongs == null) {
            throw new IllegalStateException("thread ping-pong of " + n + " round trips did not finish in 60 s");
        }
        return pongs;
    }

    private void ping() {
        try {
            while (true) {
                int n = commands.take();
                int pongs = 0;
                for (int i = 0; i < n; i++) {
                    toPonger.put(PING);
                    if (toPinger.take() == PONG) {
                        pongs++;
                    }
                }
                results.put(pongs);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void pong() {
        try {
            while (true) {
                toPonger.take();
                toPinger.put(PONG);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public void close() throws InterruptedException {
        pinger.interrupt();
        ponger.interrupt();
        pinger.join(10_000);
        ponger.join(10_000);
    }
}
