package io.procmobility.testing;

import io.procmobility.instrumenter.ClassBytesLocator;
import io.procmobility.instrumenter.Instrumenter;
import io.procmobility.instrumenter.InstrumenterConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;

/**
 * The fixture corpus, compiled once per JVM and configuration, plus the instrumentation settings
 * the corpus uses: everything under {@code io.procmobility.fixtures} except the package that
 * stands for third-party code ({@code .outside}) and the classes the instrumenter must refuse
 * ({@code .rejected}).
 */
public final class Fixtures {
    /** Package of the round-trip fixtures (direct members only; sub-packages hold error cases). */
    public static final String PACKAGE = "io.procmobility.fixtures";
    public static final String INCLUDE = PACKAGE + ".**";
    public static final String OUTSIDE = PACKAGE + ".outside.**";
    public static final String REJECTED = PACKAGE + ".rejected.**";

    private static final Map<String, Map<String, byte[]>> COMPILED = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, byte[]>> INSTRUMENTED = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    /** Where a Java 25 JDK is expected ({@code -Djdk25.home}). */
    public static Path jdk25Home() {
        return Path.of(System.getProperty("jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    }

    /** Fixtures compiled by this JVM's javac for Java 17, with {@code -g} or {@code -g:none}; cached. */
    public static Map<String, byte[]> compiled(boolean debug) {
        return COMPILED.computeIfAbsent("17/" + debug, k -> Collections.unmodifiableMap(FixtureCompiler.compile(debug)));
    }

    /** Fixtures compiled by the JDK 25 javac for Java 25 class files; cached. */
    public static Map<String, byte[]> compiled25(boolean debug) {
        return COMPILED.computeIfAbsent("25/" + debug,
                k -> Collections.unmodifiableMap(FixtureCompiler.compile(debug, jdk25Home(), 25)));
    }

    /** {@link #compiled(boolean)}, instrumented with the corpus settings; cached. */
    public static Map<String, byte[]> instrumented(boolean debug) {
        return INSTRUMENTED.computeIfAbsent("17/" + debug, k -> instrument(compiled(debug)));
    }

    /** {@link #compiled25(boolean)}, instrumented with the corpus settings; cached. */
    public static Map<String, byte[]> instrumented25(boolean debug) {
        return INSTRUMENTED.computeIfAbsent("25/" + debug, k -> instrument(compiled25(debug)));
    }

    /** Instruments with the corpus settings and checks every transformed class with CheckClassAdapter. */
    public static Map<String, byte[]> instrument(Map<String, byte[]> classes) {
        return instrument(classes, config(), true);
    }

    /** The corpus settings: the fixtures package and sub-packages, minus {@code .outside} and {@code .rejected}. */
    public static InstrumenterConfig config() {
        return InstrumenterConfig.builder().include(INCLUDE).exclude(OUTSIDE, REJECTED).build();
    }

    /**
     * Instruments {@code classes} selected by {@code config}; verifies the results with
     * CheckClassAdapter (data flow included) when asked. A class the instrumenter fails on, rejects
     * or does not finish within {@link #INSTRUMENT_TIMEOUT_SECONDS} is left out of the result and
     * its problem recorded ({@link #problemsOf}), so one broken fixture fails its own tests only.
     */
    public static Map<String, byte[]> instrument(Map<String, byte[]> classes, InstrumenterConfig config, boolean verify) {
        ClassBytesLocator fromMap = internalName -> classes.get(internalName.replace('/', '.'));
        Instrumenter instrumenter = new Instrumenter(config, fromMap.orElse(ClassBytesLocator.of(Fixtures.class.getClassLoader())));
        ClassLoader verificationLoader = new FixtureLoader(classes, Fixtures.class.getClassLoader());
        Map<String, byte[]> result = new LinkedHashMap<>();
        Map<String, byte[]> view = Collections.unmodifiableMap(result);
        // All classes in parallel, with one deadline: a class the instrumenter hangs on costs one timeout in all.
        Map<String, Worker<byte[]>> workers = new LinkedHashMap<>();
        classes.forEach((name, bytes) -> workers.put(name, new Worker<>(name, () -> instrumenter.instrument(bytes))));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(INSTRUMENT_TIMEOUT_SECONDS);
        workers.forEach((name, worker) -> {
            try {
                byte[] transformed = worker.await(deadline);
                if (transformed != null && verify) {
                    Instrumented.verify(name, transformed, verificationLoader);
                }
                result.put(name, transformed == null ? classes.get(name) : transformed);
            } catch (RuntimeException | AssertionError e) {
                PROBLEMS.put(new Problem(view, name), e);
            }
        });
        return view;
    }

    /** How long instrumenting one fixture class may take before it counts as hung (normally well under a second). */
    public static final int INSTRUMENT_TIMEOUT_SECONDS = 8;

    private record Problem(Map<String, byte[]> result, String className) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Problem p && p.result == result && p.className.equals(className);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(result) * 31 + className.hashCode();
        }
    }

    private static final Map<Problem, Throwable> PROBLEMS = new ConcurrentHashMap<>();

    /**
     * Why classes of {@code fixture} (the class and its nested classes) or the shared helper
     * {@code Susp} are missing from {@code instrumented}: empty when they all instrumented fine.
     */
    public static Map<String, Throwable> problemsOf(Map<String, byte[]> instrumented, String fixture) {
        Map<String, Throwable> found = new java.util.TreeMap<>();
        PROBLEMS.forEach((problem, error) -> {
            String name = problem.className();
            if (problem.result() == instrumented && (name.equals(fixture) || name.startsWith(fixture + "$")
                    || name.equals(PACKAGE + ".Susp"))) {
                found.put(name, error);
            }
        });
        return found;
    }

    /** Throws an AssertionError naming the cause when {@link #problemsOf} is not empty. */
    public static void assertInstrumented(Map<String, byte[]> instrumented, String fixture) {
        Map<String, Throwable> problems = problemsOf(instrumented, fixture);
        if (!problems.isEmpty()) {
            Map.Entry<String, Throwable> first = problems.entrySet().iterator().next();
            throw new AssertionError("instrumenting " + first.getKey() + " failed: " + first.getValue(), first.getValue());
        }
    }

    /**
     * Runs work on a daemon thread, awaited until a deadline: an instrumenter that loops forever
     * must fail its fixture, not hang the suite. A hung worker is stopped where the JDK still
     * allows it (before JDK 20).
     */
    static final class Worker<T> {
        private final String what;
        private final java.util.concurrent.FutureTask<T> task;
        private final Thread thread;

        Worker(String what, java.util.concurrent.Callable<T> work) {
            this.what = what;
            this.task = new java.util.concurrent.FutureTask<>(work);
            this.thread = new Thread(task, "instrument " + what);
            thread.setDaemon(true);
            thread.start();
        }

        @SuppressWarnings({"deprecation", "removal"})
        T await(long deadlineNanos) {
            try {
                return task.get(Math.max(0, deadlineNanos - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                StackTraceElement[] where = thread.getStackTrace();
                if (Runtime.version().feature() < 20) {
                    thread.stop();
                }
                throw new AssertionError("the instrumenter did not finish " + what + " within " + INSTRUMENT_TIMEOUT_SECONDS
                        + " s (endless loop?); it was at " + java.util.Arrays.toString(
                                java.util.Arrays.copyOf(where, Math.min(8, where.length))));
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@code classes} without the entries {@code drop} selects. */
    public static Map<String, byte[]> without(Map<String, byte[]> classes, Predicate<String> drop) {
        Map<String, byte[]> result = new LinkedHashMap<>(classes);
        result.keySet().removeIf(drop);
        return result;
    }

    /**
     * The round-trip fixtures: top-level classes directly in {@link #PACKAGE} that implement
     * {@link Runnable}, sorted by name.
     */
    public static List<String> corpus(Map<String, byte[]> classes) {
        List<String> names = new ArrayList<>();
        classes.forEach((name, bytes) -> {
            int dot = name.lastIndexOf('.');
            if (name.substring(0, dot).equals(PACKAGE) && name.indexOf('$') < 0
                    && List.of(new ClassReader(bytes).getInterfaces()).contains("java/lang/Runnable")) {
                names.add(name);
            }
        });
        Collections.sort(names);
        return names;
    }
}
