package io.procmobility.testing;

import io.procmobility.instrumenter.ClassBytesLocator;
import io.procmobility.instrumenter.Instrumenter;
import io.procmobility.instrumenter.InstrumenterConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Child-first loader for test classes of one package: reads them from the test class path, runs
 * the real instrumenter on them and defines them here, so ordinary test sources (compiled by
 * Maven) run instrumented, as the agent would load them.
 */
public final class InstrumentingLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final String packagePrefix;
    private final Instrumenter instrumenter;

    /** Instruments and loads child-first every class whose name starts with {@code packageName + "."}. */
    public InstrumentingLoader(String packageName, ClassLoader parent) {
        super(parent);
        this.packagePrefix = packageName + ".";
        this.instrumenter = new Instrumenter(InstrumenterConfig.including(packageName + ".**"), ClassBytesLocator.of(parent));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(packagePrefix)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = read(name);
                byte[] instrumented = instrumenter.instrument(bytes);
                byte[] code = instrumented == null ? bytes : instrumented;
                loaded = defineClass(name, code, 0, code.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private byte[] read(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Instantiates {@code className} (loaded here) with a constructor matching {@code args}. */
    public <T> T create(String className, Object... args) {
        try {
            Class<?> type = loadClass(className);
            for (var constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == args.length) {
                    constructor.setAccessible(true);
                    @SuppressWarnings("unchecked")
                    T instance = (T) constructor.newInstance(args);
                    return instance;
                }
            }
            throw new IllegalArgumentException("no constructor of " + className + " takes " + args.length + " arguments");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
