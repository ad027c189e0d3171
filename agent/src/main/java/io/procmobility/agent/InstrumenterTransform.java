package io.procmobility.agent;

import io.procmobility.instrumenter.ClassBytesLocator;
import io.procmobility.instrumenter.Instrumenter;
import io.procmobility.instrumenter.InstrumenterConfig;

/**
 * Runs the procmobility {@link Instrumenter} on a class file. The instrumenter reads other classes'
 * files (for stack-map frames) through the defining loader's resources, never by loading them.
 */
final class InstrumenterTransform implements ClassTransform {
    private final InstrumenterConfig config;

    InstrumenterTransform(InstrumenterConfig config) {
        this.config = config;
    }

    @Override
    public byte[] transform(ClassLoader loader, byte[] classFile) {
        // One Instrumenter per call: it is two fields, and its locator must be the defining loader's.
        return new Instrumenter(config, ClassBytesLocator.of(loader)).instrument(classFile);
    }
}
