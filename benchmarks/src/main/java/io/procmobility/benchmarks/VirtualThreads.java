package io.procmobility.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * {@code Thread.startVirtualThread(Runnable)} reached through a method handle, since the benchmarks
 * compile with {@code --release 17}. On JDK 17–20 {@link #available()} is false and
 * {@link #start(Runnable)} fails with the reason ({@code run.sh} leaves the virtual-thread
 * baselines out there).
 */
public final class VirtualThreads {
    private static final MethodHandle START;
    private static final String UNAVAILABLE;

    static {
        MethodHandle start = null;
        String reason = null;
        try {
            start = MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread",
                    MethodType.methodType(Thread.class, Runnable.class));
        } catch (ReflectiveOperationException e) {
            reason = "virtual threads need JDK 21+ (this is JDK " + Runtime.version().feature() + ": " + e + ")";
        }
        START = start;
        UNAVAILABLE = reason;
    }

    private VirtualThreads() {
    }

    /** True on JDK 21+. */
    public static boolean available() {
        return START != null;
    }

    /** Why {@link #available()} is false, or {@code null}. */
    public static String unavailableReason() {
        return UNAVAILABLE;
    }

    /** Starts {@code task} on a new virtual thread. */
    public static Thread start(Runnable task) {
        if (START == null) {
            throw new IllegalStateException(UNAVAILABLE);
        }
        try {
            return (Thread) START.invokeExact(task);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
