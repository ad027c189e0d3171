package io.procmobility.benchmarks.loom;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The JDK's internal one-shot continuation ({@code jdk.internal.vm.Continuation}, JDK 21+), reached
 * through method handles because this code compiles with {@code --release 17}. Needs
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}; {@link #available()} says whether it
 * could be found, {@link #unavailableReason()} why not. A speed baseline only.
 */
public final class LoomContinuations {
    private static final MethodHandle NEW;   // (Object scope, Runnable) Object
    private static final MethodHandle RUN;   // (Object continuation) void
    private static final MethodHandle YIELD; // (Object scope) boolean
    private static final MethodHandle IS_DONE; // (Object continuation) boolean
    private static final Object SCOPE;
    private static final String UNAVAILABLE;

    static {
        MethodHandle newC = null;
        MethodHandle run = null;
        MethodHandle yield = null;
        MethodHandle isDone = null;
        Object scope = null;
        String unavailable = null;
        try {
            Class<?> scopeType = Class.forName("jdk.internal.vm.ContinuationScope");
            Class<?> contType = Class.forName("jdk.internal.vm.Continuation");
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            scope = lookup.findConstructor(scopeType, MethodType.methodType(void.class, String.class))
                    .invoke("procmobility-bench");
            newC = lookup.findConstructor(contType, MethodType.methodType(void.class, scopeType, Runnable.class))
                    .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
            run = lookup.findVirtual(contType, "run", MethodType.methodType(void.class))
                    .asType(MethodType.methodType(void.class, Object.class));
            yield = lookup.findStatic(contType, "yield", MethodType.methodType(boolean.class, scopeType))
                    .asType(MethodType.methodType(boolean.class, Object.class));
            isDone = lookup.findVirtual(contType, "isDone", MethodType.methodType(boolean.class))
                    .asType(MethodType.methodType(boolean.class, Object.class));
        } catch (ClassNotFoundException e) {
            unavailable = "jdk.internal.vm.Continuation is missing on JDK " + Runtime.version().feature()
                    + " (needs JDK 21+)";
        } catch (IllegalAccessException e) {
            unavailable = "jdk.internal.vm is not exported to this code (" + e.getMessage()
                    + "); run with --add-exports java.base/jdk.internal.vm=ALL-UNNAMED";
        } catch (Throwable e) {
            unavailable = "jdk.internal.vm.Continuation cannot be used here: " + e;
        }
        NEW = newC;
        RUN = run;
        YIELD = yield;
        IS_DONE = isDone;
        SCOPE = scope;
        UNAVAILABLE = unavailable;
    }

    private LoomContinuations() {
    }

    /** True when the JDK continuation can be used in this JVM. */
    public static boolean available() {
        return UNAVAILABLE == null;
    }

    /** Why it cannot be used, or {@code null}. */
    public static String unavailableReason() {
        return UNAVAILABLE;
    }

    /** Throws {@link UnsupportedOperationException} with the reason unless {@link #available()}. */
    public static void requireAvailable() {
        if (UNAVAILABLE != null) {
            throw new UnsupportedOperationException(UNAVAILABLE);
        }
    }

    /** A new, not yet started continuation of {@code task} in the benchmark scope. */
    public static Object create(Runnable task) {
        try {
            return (Object) NEW.invokeExact((Object) SCOPE, task);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Runs (or resumes) {@code continuation} until it yields or ends. */
    public static void run(Object continuation) {
        try {
            RUN.invokeExact(continuation);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Yields the innermost running continuation of the benchmark scope; false when it is pinned. */
    public static boolean yield() {
        try {
            return (boolean) YIELD.invokeExact((Object) SCOPE);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** True when {@code continuation} ran to its end. */
    public static boolean isDone(Object continuation) {
        try {
            return (boolean) IS_DONE.invokeExact(continuation);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException) {
            return (RuntimeException) e;
        }
        if (e instanceof Error) {
            throw (Error) e;
        }
        return new IllegalStateException(e);
    }
}
