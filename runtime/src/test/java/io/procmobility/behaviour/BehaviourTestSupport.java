package io.procmobility.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.testing.InstrumentingLoader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/** Runtime, instrumenting loader for the example behaviours, and a queue they report to. */
abstract class BehaviourTestSupport {
    static final String EXAMPLES = "io.procmobility.behaviour.examples";

    final InstrumentingLoader loader = new InstrumentingLoader(EXAMPLES, getClass().getClassLoader());
    final BlockingQueue<Object> out = new LinkedBlockingQueue<>();
    ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(2));

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    /** Replaces the runtime with one that has a single carrier thread: a blocked carrier would stall everything. */
    void useOneCarrier() {
        runtime.close();
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(1));
    }

    /** Creates an example class, loaded (and instrumented) by the examples loader. */
    <T> T create(String simpleName, Object... args) {
        return loader.create(EXAMPLES + "." + simpleName, args);
    }

    Object next() throws InterruptedException {
        Object value = out.poll(30, TimeUnit.SECONDS);
        assertThat(value).as("a report from a process within 30 s").isNotNull();
        return value;
    }
}
