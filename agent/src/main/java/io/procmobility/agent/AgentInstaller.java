package io.procmobility.agent;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires options, log, dump and transform into one {@link RawInstrumentingTransformer} and registers
 * it with {@link Instrumentation#addTransformer(java.lang.instrument.ClassFileTransformer, boolean)}.
 *
 * <p>Not through Byte Buddy's {@code AgentBuilder}: installing one costs 0.6-1 s of start-up on a
 * 2-core machine (it loads ~780 classes and generates its executing transformer class at run
 * time), whatever the configuration, while the agent used none of its features (no matching, no
 * type writer, no redefinition). Numbers: agent/README.md, "Start-up cost".
 */
final class AgentInstaller {
    private AgentInstaller() {
    }

    /** @param startNanos {@link System#nanoTime()} when the installation began (for the verbose log) */
    static AgentHandle install(Instrumentation instrumentation, AgentOptions options, ClassTransform transform,
            AgentLog log, long startNanos) {
        AgentStats stats = new AgentStats();
        List<InstrumentationObserver> observers = new ArrayList<>(List.of(stats, log));
        if (options.dumpDirectory() != null) {
            observers.add(new ClassDumper(options.dumpDirectory(), log));
        }
        RawInstrumentingTransformer transformer = new RawInstrumentingTransformer(
                new ClassFilter(options.instrumenterConfig()), transform, InstrumentationListener.all(stats, log),
                InstrumentationObserver.all(observers.toArray(new InstrumentationObserver[0])));
        // canRetransform = false, on purpose. Load time only (the transformer ignores redefinitions),
        // and a non-retransforming transformer's output is what the JVM keeps as the class file it
        // hands to retransforming transformers (another agent's, later): our bytes, not the original
        // ones, so a retransformation elsewhere cannot undo the instrumentation.
        instrumentation.addTransformer(transformer, false);
        if (log.verbose()) {
            // Guarded: the first string concatenation bootstraps StringConcatFactory (~15 ms cold).
            log.info("installed in " + (System.nanoTime() - startNanos) / 1_000_000 + " ms with options [" + options + "]");
        }
        return new AgentHandle(instrumentation, transformer, options, stats);
    }
}
