package io.procmobility.benchmarks.loom;

/**
 * The same shape as {@code workload.SuspendLoop}, for the JDK continuation: a stack of {@code depth}
 * frames of this class (counting {@link #run()}), then yield in a loop forever.
 */
public final class LoomSuspendLoop implements Runnable {
    private final int depth;
    private long resumes;
    private boolean pinned;

    /** A loop whose stack is {@code depth} frames deep at each yield. */
    public LoomSuspendLoop(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1: " + depth);
        }
        this.depth = depth;
    }

    @Override
    public void run() {
        if (depth > 1) {
            descend(depth - 1);
            return;
        }
        for (;;) {
            pinned |= !LoomContinuations.yield();
            resumes++;
        }
    }

    private void descend(int remaining) {
        if (remaining > 1) {
            descend(remaining - 1);
            return;
        }
        for (;;) {
            pinned |= !LoomContinuations.yield();
            resumes++;
        }
    }

    /** How many times the loop was resumed. */
    public long resumes() {
        return resumes;
    }

    /** True when a yield failed because the continuation was pinned (it must not be). */
    public boolean pinned() {
        return pinned;
    }
}
