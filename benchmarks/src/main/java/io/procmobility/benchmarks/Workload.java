package io.procmobility.benchmarks;

/**
 * What a benchmark sees of a workload. Defined outside the workload package, so the plain class and
 * its instrumented copy (another class loader) are both usable through it.
 */
public interface Workload extends Runnable {
    /**
     * Prepares the next {@link #run()}.
     *
     * @param size the workload's size (fib's argument, stack depth)
     * @param suspending whether {@code run()} suspends; plain (uninstrumented) code must pass false
     */
    void setUp(int size, boolean suspending);

    /** What the last run computed. */
    long result();
}
