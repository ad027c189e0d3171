package io.procmobility.agent;

import io.procmobility.instrumenter.ClassBytesLocator;
import io.procmobility.instrumenter.Instrumenter;
import io.procmobility.instrumenter.InstrumenterConfig;

/**
 * Runs the procmobility {@link Instrumenter} on a class file. The instrumenter reads other classes'
 * files (for stack-map frames) through the defining loader's resources, never by loading them.
 */
final class InstrumenterTransform implements ClassTransform {
    private final Instrumenter instrumenter;

    InstrumenterTransform(InstrumenterConfig config) {
        // The default locator is never used: every call passes the defining loader's.
        this.instrumenter = new Instrumenter(config, ClassBytesLocator.of(ClassLoader.getSystemClassLoader()));
    }

    @Override
    public byte[] transform(ClassLoader loader, byte[] classFile) {
        return instrumenter.instrument(classFile, ClassBytesLocator.of(loader));
    }
}
