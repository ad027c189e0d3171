package io.procmobility.continuation;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.testing.FixtureCompiler;
import io.procmobility.testing.FixtureLoader;
import io.procmobility.testing.Instrumented;
import io.procmobility.testing.Out;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void counterSuspendsAndResumesInMemory() throws Exception {
        Map<String, byte[]> classes = Instrumented.instrument(FixtureCompiler.compile(true), "io.procmobility.fixtures.**");
        FixtureLoader loader = new FixtureLoader(classes, getClass().getClassLoader());
        Runnable counter = (Runnable) loader.loadClass("io.procmobility.fixtures.Counter").getDeclaredConstructor().newInstance();
        Out.take();
        Continuation c = Continuation.startWith(counter);
        int steps = 0;
        while (!c.isDone()) {
            c = Continuation.continueWith(c, "v" + steps++);
        }
        assertThat(Out.take()).containsExactly("0 v0 0 1.0 2.5 2 4 b true", "1 v1 1 2.0 3.5 3 6 c false", "2 v2 3 4.0 4.5 4 8 d true");
    }
}
