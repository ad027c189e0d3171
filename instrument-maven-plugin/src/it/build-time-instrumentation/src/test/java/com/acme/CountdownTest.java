package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.testing.Echoes;
import io.procmobility.continuation.Continuation;
import io.procmobility.internal.InstrumentedClass;
import io.procmobility.serial.ContinuationSerializer;
import io.procmobility.serial.SerialAllowlist;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CountdownTest {
    private static final SerialAllowlist ALLOW = SerialAllowlist.builder().allowPackage("com.acme.**").build();

    @Test
    void noAgentIsRunning() {
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            assertFalse(argument.startsWith("-javaagent"), argument);
        }
    }

    @Test
    void thePluginInstrumentedTheMobileClassesOnlyAtBuildTime() {
        assertTrue(Countdown.class.isAnnotationPresent(InstrumentedClass.class), "Countdown");
        assertTrue(Legs.class.isAnnotationPresent(InstrumentedClass.class), "Legs");
        assertTrue(Echoes.class.isAnnotationPresent(InstrumentedClass.class), "Echoes (instrument-tests)");
        assertFalse(Untouched.class.isAnnotationPresent(InstrumentedClass.class), "Untouched is excluded");
    }

    @Test
    void suspendSerializeDeserializeAndResume() {
        Continuation c = Continuation.startWith(new Countdown(3));
        List<Object> handedOut = new ArrayList<>();
        ContinuationSerializer serializer = new ContinuationSerializer(ALLOW, Countdown.class.getClassLoader());
        while (!c.isDone()) {
            handedOut.add(c.value());
            byte[] bytes = serializer.serialize(c);
            Continuation restored = serializer.deserialize(bytes);
            c = Continuation.continueWith(restored, "reply" + handedOut.size());
        }
        assertEquals(List.of(3, 2, 1), handedOut);
    }

    @Test
    void resumesInAFreshClassLoaderAsAnotherJvmWould() throws Exception {
        Continuation c = Continuation.startWith(new Countdown(2));
        assertEquals(2, c.value());
        byte[] bytes = new ContinuationSerializer(ALLOW, Countdown.class.getClassLoader()).serialize(c);

        URL classes = Path.of("target/classes").toAbsolutePath().toUri().toURL();
        try (ChildFirst fresh = new ChildFirst(classes)) {
            Continuation restored = new ContinuationSerializer(ALLOW, fresh).deserialize(bytes);
            restored = Continuation.continueWith(restored, "far away");
            assertEquals(1, restored.value(), "resumed after the first suspend, in the loop's second turn");
            restored = Continuation.continueWith(restored, "far away");
            assertTrue(restored.isDone());
            assertEquals(Set.of("com.acme.Countdown", "com.acme.Legs"), new HashSet<>(fresh.loaded));
        }
    }

    @Test
    void theTestsOwnMobileCodeSuspendsToo() {
        Echoes echoes = new Echoes();
        Continuation c = Continuation.startWith(echoes);
        assertEquals("echo 0", c.value());
        c = Continuation.continueWith(c, "a");
        assertEquals("echo 1", c.value());
        c = Continuation.continueWith(c, "b");
        assertTrue(c.isDone());
        assertEquals("ab", echoes.heard);
    }

    /** Loads com.acme classes from target/classes itself: the run continues on classes that never ran here. */
    static final class ChildFirst extends URLClassLoader {
        final List<String> loaded = new ArrayList<>();

        ChildFirst(URL classes) {
            super(new URL[] {classes}, CountdownTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("com.acme.") || name.startsWith("com.acme.testing.") || name.endsWith("Test")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                    loaded.add(name);
                }
                return c;
            }
        }
    }
}
