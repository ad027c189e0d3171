package io.procmobility.agent;

import io.procmobility.instrumenter.ClassBytesLocator;
import io.procmobility.instrumenter.Instrumenter;
import io.procmobility.instrumenter.InstrumenterConfig;

/**
 * Runs the procmobility {@link Instrumenter} on a class file. The instrumenter reads other classes'
 * files (for stack-map frames) through the defining loader's resources, never by loading them.
 *
 * <p>The instrumenter (and with it ASM) is created on the first class that may be instrumented, not
 * at {@code premain}: an application whose first mobile class comes late, or never, does not pay
 * for loading them at start-up.
 */
final class InstrumenterTransform implements ClassTransform {
    private final InstrumenterConfig config;
    private volatile Instrumenter instrumenter;

    InstrumenterTransform(InstrumenterConfig config) {
        this.config = config;
    }

    @Override
    public byte[] transform(ClassLoader loader, byte[] classFile) {
        return instrumenter().instrument(classFile, ClassBytesLocator.of(loader));
    }

    private Instrumenter instrumenter() {
        Instrumenter result = instrumenter;
        if (result == null) {
            synchronized (this) {
                result = instrumenter;
                if (result == null) {
                    // The default locator is never used: every call passes the defining loader's.
                    result = new Instrumenter(config, ClassBytesLocator.of(ClassLoader.getSystemClassLoader()));
                    instrumenter = result;
                }
            }
        }
        return result;
    }
}
