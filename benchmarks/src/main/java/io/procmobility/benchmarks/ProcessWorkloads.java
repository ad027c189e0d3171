package io.procmobility.benchmarks;

import io.procmobility.behaviour.MobileProcess;
import java.lang.reflect.Constructor;
import java.util.function.Function;

/**
 * Instantiates the instrumented copies of the process workloads ({@code workload.Pinger},
 * {@code Ponger}, {@code Quit}, {@code Waiter}) loaded through an {@link InstrumentingLoader}.
 * ({@code Quit} calls nothing, so the instrumenter leaves it as it is and it carries no marker.)
 */
public final class ProcessWorkloads {
    private ProcessWorkloads() {
    }

    /** The instrumented copy of {@code type}, constructed with {@code args} (the public constructor with that many parameters). */
    public static MobileProcess create(InstrumentingLoader loader, Class<? extends MobileProcess> type, Object... args) {
        try {
            return (MobileProcess) constructor(loader, type, args.length).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate instrumented " + type.getName(), e);
        }
    }

    /** A factory of fresh instances of the instrumented no-argument {@code type} (looked up once). */
    public static Function<Void, MobileProcess> factory(InstrumentingLoader loader, Class<? extends MobileProcess> type) {
        Constructor<?> constructor = constructor(loader, type, 0);
        return ignored -> {
            try {
                return (MobileProcess) constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot instantiate instrumented " + type.getName(), e);
            }
        };
    }

    private static Constructor<?> constructor(InstrumentingLoader loader, Class<?> type, int arity) {
        Class<?> instrumented;
        try {
            instrumented = loader.loadClass(type.getName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (instrumented.getClassLoader() != loader) {
            throw new IllegalStateException(type.getName() + " was not defined by " + loader);
        }
        for (Constructor<?> c : instrumented.getConstructors()) {
            if (c.getParameterCount() == arity) {
                return c;
            }
        }
        throw new IllegalStateException(type.getName() + " has no public constructor with " + arity + " parameters");
    }
}
