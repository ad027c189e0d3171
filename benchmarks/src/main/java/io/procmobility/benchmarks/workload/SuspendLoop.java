package io.procmobility.benchmarks.workload;

import io.procmobility.benchmarks.Workload;
import io.procmobility.continuation.Continuation;

/**
 * Descends to a stack of {@code depth} instrumented frames (counting {@link #run()}), then suspends in
 * a loop forever: every resume runs to the next suspension. Needs a continuation (suspending only).
 */
public class SuspendLoop implements Workload {
    private int depth = 1;
    private long resumes;

    @Override
    public void setUp(int size, boolean suspending) {
        if (size < 1) {
            throw new IllegalArgumentException("depth must be >= 1: " + size);
        }
        this.depth = size;
    }

    @Override
    public void run() {
        if (depth > 1) {
            descend(depth - 1);
            return;
        }
        for (;;) {
            Continuation.suspend(null);
            resumes++;
        }
    }

    private void descend(int remaining) {
        if (remaining > 1) {
            descend(remaining - 1);
            return;
        }
        for (;;) {
            Continuation.suspend(null);
            resumes++;
        }
    }

    @Override
    public long result() {
        return resumes;
    }
}
