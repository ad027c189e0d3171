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
        return INSTRUMENTED.computeIfAbsent("17/" + debug, k -> Collections.unmodifiableMap(instrument(compiled(debug))));
    }

    /** {@link #compiled25(boolean)}, instrumented with the corpus settings; cached. */
    public static Map<String, byte[]> instrumented25(boolean debug) {
        return INSTRUMENTED.computeIfAbsent("25/" + debug, k -> Collections.unmodifiableMap(instrument(compiled25(debug))));
    }

    /** Instruments with the corpus settings and checks every transformed class with CheckClassAdapter. */
    public static Map<String, byte[]> instrument(Map<String, byte[]> classes) {
        InstrumenterConfig config = InstrumenterConfig.builder().include(INCLUDE).exclude(OUTSIDE, REJECTED).build();
        return instrument(classes, config, true);
    }

    /** Instruments {@code classes} selected by {@code config}; verifies the results when asked. */
    public static Map<String, byte[]> instrument(Map<String, byte[]> classes, InstrumenterConfig config, boolean verify) {
        ClassBytesLocator fromMap = internalName -> classes.get(internalName.replace('/', '.'));
        Instrumenter instrumenter = new Instrumenter(config, fromMap.orElse(ClassBytesLocator.of(Fixtures.class.getClassLoader())));
        Map<String, byte[]> result = new LinkedHashMap<>();
        classes.forEach((name, bytes) -> {
            byte[] transformed = instrumenter.instrument(bytes);
            if (transformed != null && verify) {
                Instrumented.verify(name, transformed);
            }
            result.put(name, transformed == null ? bytes : transformed);
        });
        return result;
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
