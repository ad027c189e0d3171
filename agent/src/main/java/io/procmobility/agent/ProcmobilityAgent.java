package io.procmobility.agent;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The procmobility Java agent: instruments mobile code as it is loaded, so that its stack can be
 * captured as a continuation.
 *
 * <pre>
 * java -javaagent:procmobility-agent.jar=include=com.acme.**,verbose -cp app.jar:procmobility-runtime.jar com.acme.Main
 * </pre>
 *
 * <p>Options (see {@link AgentOptions} and {@code agent/README.md}), separated by {@code ,}:
 * {@code include=PATTERN[;PATTERN...]} (repeatable), {@code exclude=PATTERN[;PATTERN...]}
 * (repeatable), {@code verbose}, {@code dump=DIRECTORY}. Classes annotated
 * {@code @io.procmobility.Mobile} are instrumented even when no pattern includes them.
 *
 * <p>A class that cannot be instrumented is logged (class, method, line, how to fix) and loaded
 * unchanged; the agent never fails a class load. The application needs procmobility-runtime on
 * its own class path: the agent jar holds only the instrumenter, and ASM (and Byte Buddy's attach
 * helper, for {@link #install(String)}) relocated under {@code io.procmobility.agent.shaded}.
 */
public final class ProcmobilityAgent {
    private ProcmobilityAgent() {
    }

    /**
     * Entry point for {@code -javaagent}.
     *
     * <p>Bad options fail fast: the exception aborts JVM start-up after the message is printed. The
     * user asked for the agent on the command line; running without it (or with a misspelt include)
     * would only fail much later, when a capture meets an uninstrumented frame, far from the cause.
     * The JVM treats its own unknown {@code -XX} options the same way.
     *
     * @throws AgentOptionsException when {@code arguments} is not valid
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, "-javaagent");
    }

    /**
     * Entry point for attaching to a running JVM. Bad options are printed in the target JVM and
     * thrown back to the attaching tool (as {@code AgentInitializationException}); the target keeps
     * running, without the agent. Only classes loaded after the attach are instrumented.
     *
     * @throws AgentOptionsException when {@code arguments} is not valid
     */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, "attach");
    }

    /**
     * Self-attaches to the current JVM (Byte Buddy's {@code ByteBuddyAgent.install()}) and installs
     * the agent, for tests and tools. On JDK 9+ self-attach needs
     * {@code -Djdk.attach.allowAttachSelf=true} or a JDK whose {@code jdk.attach} module lets Byte
     * Buddy attach from a helper process. Only classes loaded afterwards are instrumented.
     *
     * @param options the same string as after {@code -javaagent:...=}
     * @return the installation, whose {@link AgentHandle#uninstall()} removes it
     * @throws AgentOptionsException when {@code options} is not valid
     * @throws IllegalStateException when the JVM does not allow attaching
     */
    public static AgentHandle install(String options) {
        AgentOptions parsed = AgentOptions.parse(options);
        return install(ByteBuddyAgent.install(), parsed);
    }

    /** Installs the agent on an {@link Instrumentation} the caller already has. */
    public static AgentHandle install(Instrumentation instrumentation, AgentOptions options) {
        return install(instrumentation, options, System.nanoTime());
    }

    private static AgentHandle install(Instrumentation instrumentation, AgentOptions options, long startNanos) {
        return AgentInstaller.install(instrumentation, options, new InstrumenterTransform(options.instrumenterConfig()),
                new AgentLog(options.verbose()), startNanos);
    }

    /** Installs with another raw transform; for tests of the agent's plumbing. */
    static AgentHandle install(Instrumentation instrumentation, AgentOptions options, ClassTransform transform) {
        return AgentInstaller.install(instrumentation, options, transform, new AgentLog(options.verbose()),
                System.nanoTime());
    }

    private static void start(String arguments, Instrumentation instrumentation, String how) {
        long startNanos = System.nanoTime();
        AgentOptions options;
        try {
            options = AgentOptions.parse(arguments);
        } catch (AgentOptionsException e) {
            new AgentLog(false).error("not started (" + how + "): " + e.getMessage());
            throw e;
        }
        install(instrumentation, options, startNanos);
    }
}
