package io.procmobility.agent;

import io.procmobility.instrumenter.InstrumentationException;
import java.io.PrintStream;

/**
 * The agent's log on {@code System.err}, each line prefixed {@value #PREFIX}. The agent jar carries
 * no SLF4J backend and must not pick up the application's (its configuration may not be loaded yet
 * at {@code premain}), so it writes plain lines.
 *
 * <p>As an {@link InstrumentationListener} it reports instrumentation errors: the class is then
 * loaded untransformed, and the line says which class, method and source line failed and why.
 */
final class AgentLog implements InstrumentationListener, InstrumentationObserver {
    static final String PREFIX = "[procmobility-agent] ";

    private final boolean verbose;
    private final PrintStream out;

    AgentLog(boolean verbose) {
        this(verbose, System.err);
    }

    AgentLog(boolean verbose, PrintStream out) {
        this.verbose = verbose;
        this.out = out;
    }

    /** Logs an error of the agent itself (not of one class). */
    void error(String message) {
        out.println(PREFIX + "ERROR " + message);
    }

    /** True when {@link #info} and {@link #instrumented} print. */
    boolean verbose() {
        return verbose;
    }

    /** Logs {@code message} when verbose. */
    void info(String message) {
        if (verbose) {
            out.println(PREFIX + message);
        }
    }

    @Override
    public void onError(String typeName, ClassLoader classLoader, Module module, Throwable throwable) {
        if (throwable instanceof InstrumentationException) {
            // Its message already names class, method and line and says how to fix the code.
            out.println(PREFIX + "ERROR " + throwable.getMessage() + " -- " + typeName
                    + " is loaded WITHOUT instrumentation; its frames cannot be captured.");
            if (throwable.getCause() != null) {
                throwable.getCause().printStackTrace(out);
            }
        } else {
            // Anything else is a bug in the agent or the instrumenter: keep the whole trace.
            out.println(PREFIX + "ERROR Cannot instrument " + typeName + " (class loader " + classLoader
                    + "): " + throwable + " -- the class is loaded WITHOUT instrumentation.");
            throwable.printStackTrace(out);
        }
    }

    @Override
    public void instrumented(String internalName, ClassLoader loader, byte[] original, byte[] transformed) {
        if (verbose) {
            out.println(PREFIX + "instrumented " + internalName.replace('/', '.') + " (" + original.length + " -> "
                    + transformed.length + " bytes, loader " + loader + ")");
        }
    }
}
