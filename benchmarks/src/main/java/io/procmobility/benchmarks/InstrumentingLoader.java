package io.procmobility.benchmarks;

import io.procmobility.instrumenter.ClassBytesLocator;
import io.procmobility.instrumenter.Instrumenter;
import io.procmobility.instrumenter.InstrumenterConfig;
import io.procmobility.internal.InstrumentedClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Child-first class loader that defines the workload classes itself, from the class files it reads
 * as resources of its parent, after running the real {@link Instrumenter} over them. Everything
 * else (runtime, JDK, the interfaces the benchmarks call through) comes from the parent, so a
 * benchmark can hold the plain class (loaded normally) and the instrumented copy of the same code
 * side by side in one JVM.
 */
public final class InstrumentingLoader extends ClassLoader {
    /** The package whose classes are instrumented. */
    public static final String WORKLOAD_PACKAGE = "io.procmobility.benchmarks.workload.";

    static {
        registerAsParallelCapable();
    }

    private final Instrumenter instrumenter;

    /** A loader over {@code parent}'s class files; instruments {@link #WORKLOAD_PACKAGE} and below. */
    public InstrumentingLoader(ClassLoader parent) {
        super("procmobility-bench-instrumented", parent);
        this.instrumenter = new Instrumenter(InstrumenterConfig.including(WORKLOAD_PACKAGE + "**"),
                ClassBytesLocator.of(parent));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(WORKLOAD_PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] original = read(name);
                byte[] transformed = instrumenter.instrument(original);
                byte[] bytes = transformed != null ? transformed : original;
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    /** Creates an instance of the instrumented copy of {@code type} (a class of the workload package). */
    public <T> T newInstance(Class<? extends T> type, Class<T> as) {
        try {
            return as.cast(loadClass(type.getName()).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate instrumented " + type.getName(), e);
        }
    }

    /** True when {@code type} carries the instrumenter's marker. */
    public static boolean isInstrumented(Class<?> type) {
        return type.isAnnotationPresent(InstrumentedClass.class);
    }

    private byte[] read(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(name + " (no " + resource + " in the parent loader)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
