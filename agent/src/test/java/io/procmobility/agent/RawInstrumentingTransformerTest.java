package io.procmobility.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.instrumenter.InstrumentationException;
import io.procmobility.instrumenter.InstrumenterConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transformer called directly, as the JVM would: no attach needed. */
class RawInstrumentingTransformerTest {
    private final ClassLoader loader = new TestClasses.FreshLoader();
    private final byte[] plain = TestClasses.bytesOf("com.example.agenttest.Plain");
    private final List<String> events = new ArrayList<>();
    private final InstrumentationListener recording = new InstrumentationListener() {
        @Override
        public void onDiscovery(String typeName, ClassLoader classLoader, Module module) {
            events.add("discovery " + typeName);
        }

        @Override
        public void onError(String typeName, ClassLoader classLoader, Module module, Throwable t) {
            events.add("error " + typeName + " " + t.getMessage());
        }

        @Override
        public void onComplete(String typeName, ClassLoader classLoader, Module module) {
            events.add("complete " + typeName);
        }
    };

    private RawInstrumentingTransformer transformer(ClassTransform transform, InstrumentationObserver observer) {
        return new RawInstrumentingTransformer(new ClassFilter(InstrumenterConfig.including("com.example.**")),
                transform, recording, observer);
    }

    @Test
    void returnsExactlyTheTransformsArray() throws Exception {
        byte[] produced = {1, 2, 3};
        RawInstrumentingTransformer t = transformer((l, bytes) -> produced, (n, l, o, tr) -> { });
        byte[] result = t.transform(null, loader, "com/example/agenttest/Plain", null, null, plain);
        assertThat(result).isSameAs(produced);
        assertThat(events).containsExactly("discovery com.example.agenttest.Plain", "complete com.example.agenttest.Plain");
    }

    @Test
    void failureGoesToTheListenerNeverToClassLoading() throws Exception {
        RawInstrumentingTransformer t = transformer((l, bytes) -> {
            throw new InstrumentationException("com/example/agenttest/Plain", "hello", 7, "suspension inside a constructor");
        }, (n, l, o, tr) -> { });
        byte[] result = t.transform(loader, "com/example/agenttest/Plain", null, null, plain);
        assertThat(result).isNull();
        assertThat(events).containsExactly("discovery com.example.agenttest.Plain",
                "error com.example.agenttest.Plain Cannot instrument com.example.agenttest.Plain.hello (line 7): "
                        + "suspension inside a constructor",
                "complete com.example.agenttest.Plain");
    }

    @Test
    void errorsEvenOfTheObserverAreContained() throws Exception {
        RawInstrumentingTransformer t = transformer((l, bytes) -> bytes.clone(), (n, l, o, tr) -> {
            throw new LinkageError("boom");
        });
        assertThat(t.transform(loader, "com/example/agenttest/Plain", null, null, plain)).isNull();
        assertThat(events).anyMatch(e -> e.startsWith("error com.example.agenttest.Plain boom"));
    }

    @Test
    void filteredRedefinedAndReentrantClassesAreNotOffered() throws Exception {
        List<String> offered = new ArrayList<>();
        RawInstrumentingTransformer[] self = new RawInstrumentingTransformer[1];
        self[0] = transformer((l, bytes) -> {
            offered.add("outer");
            try {
                // A class loaded while transforming (e.g. by a user loader serving a resource).
                assertThat(self[0].transform(l, "com/example/agenttest/Other", null, null, bytes)).isNull();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return null;
        }, (n, l, o, tr) -> { });
        assertThat(self[0].transform(loader, "java/lang/Foo", null, null, plain)).isNull();
        assertThat(self[0].transform(null, "com/example/agenttest/Plain", null, null, plain)).isNull();
        assertThat(self[0].transform(loader, "com/example/agenttest/Plain", Object.class, null, plain)).isNull();
        assertThat(offered).isEmpty();
        self[0].transform(loader, "com/example/agenttest/Plain", null, null, plain);
        assertThat(offered).containsExactly("outer");
        assertThat(events).noneMatch(e -> e.contains("Other"));
    }

    @Test
    void aFailingListenerNeverBreaksClassLoading() throws Exception {
        InstrumentationListener throwing = new InstrumentationListener() {
            private boolean thrown;

            @Override
            public void onDiscovery(String typeName, ClassLoader classLoader, Module module) {
                if (!thrown) {
                    thrown = true;
                    throw new IllegalStateException("discovery");
                }
            }

            @Override
            public void onError(String typeName, ClassLoader classLoader, Module module, Throwable t) {
                throw new IllegalStateException("error");
            }

            @Override
            public void onComplete(String typeName, ClassLoader classLoader, Module module) {
                throw new IllegalStateException("complete");
            }
        };
        byte[] produced = {42};
        RawInstrumentingTransformer t = new RawInstrumentingTransformer(
                new ClassFilter(InstrumenterConfig.including("com.example.**")), (l, bytes) -> produced,
                InstrumentationListener.all(recording, throwing), (n, l, o, tr) -> { });
        assertThat(t.transform(loader, "com/example/agenttest/Plain", null, null, plain)).isNull();
        // all(...) tells the listeners in order: the recording one hears everything before the throwing one.
        assertThat(events).containsExactly("discovery com.example.agenttest.Plain",
                "error com.example.agenttest.Plain discovery", "complete com.example.agenttest.Plain");
        // The re-entry guard was released: the next class goes through (onComplete still throws, contained).
        assertThat(t.transform(loader, "com/example/agenttest/Plain", null, null, plain)).isSameAs(produced);
    }

    @Test
    void dumpWritesTheReturnedBytesAndVerboseLogsThem(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AgentLog log = new AgentLog(true, new PrintStream(err, true, StandardCharsets.UTF_8));
        TestClasses.RewritingTransform rewriting = new TestClasses.RewritingTransform();
        RawInstrumentingTransformer t = transformer(rewriting,
                InstrumentationObserver.all(log, new ClassDumper(dir, log)));
        byte[] result = t.transform(loader, "com/example/agenttest/Plain", null, null, plain);
        assertThat(result).isSameAs(rewriting.returned.get("com/example/agenttest/Plain"));
        assertThat(Files.readAllBytes(dir.resolve("com/example/agenttest/Plain.class"))).isEqualTo(result);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith(AgentLog.PREFIX + "instrumented com.example.agenttest.Plain (");
    }

    @Test
    void logNamesTheClassAndSaysItLoadsUninstrumented() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AgentLog log = new AgentLog(false, new PrintStream(err, true, StandardCharsets.UTF_8));
        log.onError("com.acme.Counter", loader, null,
                new InstrumentationException("com/acme/Counter", "<init>", 12, "suspends in a constructor; move it to a method"));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(AgentLog.PREFIX
                + "ERROR Cannot instrument com.acme.Counter.<init> (line 12): suspends in a constructor; move it to a "
                + "method -- com.acme.Counter is loaded WITHOUT instrumentation; its frames cannot be captured."
                + System.lineSeparator());
    }
}
