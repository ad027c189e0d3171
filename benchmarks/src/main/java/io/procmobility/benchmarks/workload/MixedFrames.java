package io.procmobility.benchmarks.workload;

import io.procmobility.benchmarks.Workload;
import io.procmobility.continuation.Continuation;

/**
 * A stack of {@code depth} frames (counting {@link #run()}), each with live locals of mixed types
 * (int, long, double, float, boolean, String, boxed/any Object, int[]), suspended at the top.
 * The result is a checksum over every frame's locals after the resume, so a frame restored wrong
 * changes it. Not suspending, the top uses {@link #VALUE_IN} as if it had been resumed with it.
 */
public class MixedFrames implements Workload {
    /** The value the benchmark resumes the suspension with. */
    public static final long VALUE_IN = 42L;

    private int depth = 10;
    private boolean suspending = true;
    private long result;

    @Override
    public void setUp(int size, boolean suspending) {
        if (size < 2) {
            throw new IllegalArgumentException("depth must be >= 2: " + size);
        }
        this.depth = size;
        this.suspending = suspending;
    }

    @Override
    public void run() {
        int[] data = {3, 1, 4, 1, 5, 9, 2, 6};
        String label = "root";
        long seed = 7L;
        result = level(1, seed, 1.5, label, data) * 31 + label.length() + seed;
    }

    private long level(int i, long acc, double x, String label, int[] data) {
        long local = acc * 31 + i;
        double y = x * 1.25;
        float f = i * 0.5f;
        boolean odd = (i & 1) == 1;
        String name = label + "/" + i;
        Object any = odd ? (Object) Integer.valueOf(i) : name;
        long below;
        if (i + 1 < depth) {
            below = level(i + 1, local, y, name, data);
        } else if (suspending) {
            below = ((Long) Continuation.suspend(name)).longValue();
        } else {
            below = VALUE_IN;
        }
        return below * 31 + local + (long) (y * 100) + (long) (f * 2) + (odd ? 1 : 0) + name.hashCode()
                + any.hashCode() + data[i % data.length];
    }

    @Override
    public long result() {
        return result;
    }
}
