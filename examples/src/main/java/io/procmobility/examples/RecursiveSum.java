package io.procmobility.examples;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.time.Duration;
import java.util.Objects;

/**
 * A long computation that can move in the middle of its recursion: it adds 1..n by recursing n
 * levels deep ({@code k + sum(k + 1)}), and every {@code checkpointEvery} levels it pauses — a
 * suspension point with the whole recursion on the stack. Moved there, it finishes on the other
 * node with the same result, because every pending {@code k} travelled in its frame.
 *
 * <p>At each checkpoint it prints {@code sum: depth <k> of <n> on node <x>}; at the end
 * {@code sum(1..<n>) = <sum> on node <x>}, and it sends a {@link Summed} to its reporter, if any.
 */
public class RecursiveSum implements MobileProcess {
    private final int n;
    private final int checkpointEvery;
    private final Duration pause;
    private final Pid reportTo;
    private final boolean verbose;

    /** The result, sent to the reporter: {@code sum} of 1..{@code n}, finished on {@code node}. */
    public record Summed(Pid process, int n, long sum, String node) {
    }

    /** 1..1000, a half-second pause every 100 levels (about 5 s: time to move it from the console). */
    public RecursiveSum() {
        this(1000, 100, Duration.ofMillis(500), null, true);
    }

    /**
     * @param n how deep to recurse (the sum of 1..n); at least 1
     * @param checkpointEvery pause every this many levels; at least 1
     * @param pause how long each pause sleeps; zero just yields the carrier
     * @param reportTo who gets the {@link Summed}, or {@code null}
     * @param verbose print a line at each checkpoint
     */
    public RecursiveSum(int n, int checkpointEvery, Duration pause, Pid reportTo, boolean verbose) {
        if (n < 1 || checkpointEvery < 1) {
            throw new IllegalArgumentException("n and checkpointEvery must be at least 1, got " + n + " and " + checkpointEvery);
        }
        this.n = n;
        this.checkpointEvery = checkpointEvery;
        this.pause = Objects.requireNonNull(pause, "pause");
        this.reportTo = reportTo;
        this.verbose = verbose;
    }

    /** The sum {@link #run()} computes, in closed form, for checking. */
    public static long expected(int n) {
        return (long) n * (n + 1) / 2;
    }

    @Override
    public void run() {
        long sum = sumFrom(1);
        String node = Processes.node();
        System.out.println("sum(1.." + n + ") = " + sum + " on node " + node);
        if (reportTo != null) {
            Processes.send(reportTo, new Summed(Processes.self(), n, sum, node));
        }
    }

    /** {@code k + (k+1) + ... + n}, one stack frame per level. */
    private long sumFrom(int k) {
        if (k > n) {
            return 0;
        }
        if (k % checkpointEvery == 0) {
            checkpoint(k);
        }
        return k + sumFrom(k + 1);
    }

    private void checkpoint(int depth) {
        if (verbose) {
            System.out.println("sum: depth " + depth + " of " + n + " on node " + Processes.node());
        }
        if (pause.isZero()) {
            Processes.yieldNow();
        } else {
            Processes.sleep(pause);
        }
    }
}
