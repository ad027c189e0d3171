package io.procmobility.agent;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what one installation of the agent did, for {@link AgentHandle}. Thread-safe. */
final class AgentStats implements InstrumentationListener, InstrumentationObserver {
    /** How many error messages are kept: enough to diagnose, bounded for long-running JVMs. */
    static final int KEPT_ERRORS = 100;

    private final AtomicLong instrumented = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Deque<String> recentErrors = new ArrayDeque<>();

    @Override
    public void instrumented(String internalName, ClassLoader loader, byte[] original, byte[] transformed) {
        instrumented.incrementAndGet();
    }

    @Override
    public void onError(String typeName, ClassLoader classLoader, Module module, Throwable throwable) {
        errors.incrementAndGet();
        synchronized (recentErrors) {
            if (recentErrors.size() == KEPT_ERRORS) {
                recentErrors.removeFirst();
            }
            recentErrors.addLast(typeName + ": " + throwable);
        }
    }

    long instrumentedCount() {
        return instrumented.get();
    }

    long errorCount() {
        return errors.get();
    }

    List<String> recentErrors() {
        synchronized (recentErrors) {
            return List.copyOf(new ArrayList<>(recentErrors));
        }
    }
}
