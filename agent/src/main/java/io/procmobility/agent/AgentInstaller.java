package io.procmobility.agent;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/** Wires options, log, dump and transform into one Byte Buddy {@code AgentBuilder} installation. */
final class AgentInstaller {
    private AgentInstaller() {
    }

    static AgentHandle install(Instrumentation instrumentation, AgentOptions options, ClassTransform transform,
            AgentLog log) {
        long start = System.nanoTime();
        AgentStats stats = new AgentStats();
        List<InstrumentationObserver> observers = new ArrayList<>(List.of(stats, log));
        if (options.dumpDirectory() != null) {
            observers.add(new ClassDumper(options.dumpDirectory(), log));
        }
        AgentBuilder.Listener listener = new AgentBuilder.Listener.Compound(stats, log);
        RawTransformDecorator decorator = new RawTransformDecorator(new ClassFilter(options.instrumenterConfig()),
                transform, listener, InstrumentationObserver.all(observers.toArray(new InstrumentationObserver[0])));
        // No type(...).transform(...) on purpose: Byte Buddy's own transformations would re-write the
        // class through its type writer. The decorator does the whole job on raw bytes; see
        // RawInstrumentingTransformer. Load time only (RedefinitionStrategy.DISABLED): see there.
        ResettableClassFileTransformer transformer = new AgentBuilder.Default()
                .with(AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(listener)
                .with(decorator)
                .installOn(instrumentation);
        log.info("installed in " + (System.nanoTime() - start) / 1_000_000 + " ms with options [" + options + "]");
        return new AgentHandle(instrumentation, transformer, options, stats);
    }
}
