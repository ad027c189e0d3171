package io.procmobility.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One installation of the agent: what it did so far, and {@link #uninstall()}.
 *
 * <p>Uninstalling stops instrumenting classes loaded from then on. Classes already instrumented stay
 * instrumented: continuations captured in them must stay resumable, and their offsets are recorded
 * in their own bytes.
 */
public final class AgentHandle implements AutoCloseable {
    private final Instrumentation instrumentation;
    private final ClassFileTransformer transformer;
    private final AgentOptions options;
    private final AgentStats stats;
    private final AtomicBoolean installed = new AtomicBoolean(true);

    AgentHandle(Instrumentation instrumentation, ClassFileTransformer transformer, AgentOptions options,
            AgentStats stats) {
        this.instrumentation = instrumentation;
        this.transformer = transformer;
        this.options = options;
        this.stats = stats;
    }

    /**
     * Removes the agent's class-file transformer ({@link Instrumentation#removeTransformer}); nothing is
     * retransformed.
     *
     * @return true when this call removed it, false when it was already removed
     */
    public boolean uninstall() {
        if (!installed.compareAndSet(true, false)) {
            return false;
        }
        return instrumentation.removeTransformer(transformer);
    }

    /** {@link #uninstall()}. */
    @Override
    public void close() {
        uninstall();
    }

    /** True until {@link #uninstall()}. */
    public boolean isInstalled() {
        return installed.get();
    }

    /** The options this installation runs with. */
    public AgentOptions options() {
        return options;
    }

    /** Number of classes instrumented so far. */
    public long instrumentedClassCount() {
        return stats.instrumentedCount();
    }

    /** Number of classes that failed to instrument (and were loaded untransformed). */
    public long errorCount() {
        return stats.errorCount();
    }

    /** The last errors (at most 100), oldest first, each as {@code class name: exception}. */
    public List<String> recentErrors() {
        return stats.recentErrors();
    }

    @Override
    public String toString() {
        return "procmobility agent [" + options + "] " + (isInstalled() ? "installed" : "uninstalled") + ", "
                + instrumentedClassCount() + " classes instrumented, " + errorCount() + " errors";
    }
}
