package io.procmobility.testing;

import io.procmobility.continuation.Continuation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The round-trip harness of DESIGN §7. A fixture is run twice:
 * <ol>
 *   <li><b>baseline</b>: its uninstrumented classes, with every {@code Continuation.suspend(v)}
 *       turned into the identity ({@link BaselineSuspend}), run straight through;</li>
 *   <li><b>round trip</b>: its instrumented classes in a fresh {@link FixtureLoader}; at every
 *       suspension the continuation goes through a {@link Transport} (e.g. into yet another fresh
 *       loader) and is resumed with its own value, so {@code suspend(v)} returns {@code v} as in
 *       the baseline.</li>
 * </ol>
 * Both must print the same {@link Out} lines, and go through the same (non-zero) number of
 * suspensions.
 */
public final class RoundTrip {
    /** What one run printed and how many times it suspended. */
    public record Run(List<String> lines, int suspensions) {
    }

    private RoundTrip() {
    }

    /** Runs {@code fixture} from {@code plainClasses} with suspensions turned into the identity. */
    public static Run baseline(Map<String, byte[]> plainClasses, String fixture) {
        FixtureLoader loader = new FixtureLoader(BaselineSuspend.strip(plainClasses), parent());
        Out.take();
        BaselineSuspend.takeCount();
        newInstance(loader, fixture).run();
        return new Run(Out.take(), BaselineSuspend.takeCount());
    }

    /**
     * Runs {@code fixture} from {@code instrumentedClasses}, moving the continuation through the
     * transport made by {@code transports} at every suspension. The transport gets a supplier of
     * fresh loaders over the same instrumented classes.
     */
    public static Run roundTrip(Map<String, byte[]> instrumentedClasses, String fixture,
            Function<Supplier<ClassLoader>, Transport> transports) {
        Transport transport = transports.apply(() -> new FixtureLoader(instrumentedClasses, parent()));
        Runnable target = newInstance(new FixtureLoader(instrumentedClasses, parent()), fixture);
        Out.take();
        int suspensions = 0;
        Continuation c = Continuation.startWith(target);
        while (!c.isDone()) {
            suspensions++;
            c = transport.move(c);
            c = Continuation.continueWith(c, c.value());
        }
        return new Run(Out.take(), suspensions);
    }

    /**
     * Baseline versus round trip; throws {@link AssertionError} with both outputs when they
     * differ, when the suspension counts differ, or when the fixture never suspended.
     */
    public static Run check(Map<String, byte[]> plainClasses, Map<String, byte[]> instrumentedClasses, String fixture,
            Function<Supplier<ClassLoader>, Transport> transports) {
        Run expected = baseline(plainClasses, fixture);
        Run actual = roundTrip(instrumentedClasses, fixture, transports);
        List<String> problems = new ArrayList<>();
        if (expected.suspensions() == 0) {
            problems.add("the baseline never reached Continuation.suspend");
        }
        if (actual.suspensions() != expected.suspensions()) {
            problems.add("suspended " + actual.suspensions() + " times, the baseline " + expected.suspensions() + " times");
        }
        if (!actual.lines().equals(expected.lines())) {
            problems.add("output differs at line " + firstDifference(expected.lines(), actual.lines()));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(fixture + ": " + String.join("; ", problems) + "\n  baseline:   " + expected.lines()
                    + "\n  round trip: " + actual.lines());
        }
        return actual;
    }

    /** A new instance of {@code fixture} from {@code loader}. */
    public static Runnable newInstance(ClassLoader loader, String fixture) {
        try {
            return (Runnable) loader.loadClass(fixture).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate fixture " + fixture, e);
        }
    }

    /** The parent of every fixture loader: the loader of the test code (runtime, Out, JDK). */
    public static ClassLoader parent() {
        return RoundTrip.class.getClassLoader();
    }

    private static int firstDifference(List<String> a, List<String> b) {
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        return i;
    }
}
