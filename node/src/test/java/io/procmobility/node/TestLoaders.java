package io.procmobility.node;

import io.procmobility.instrumenter.ClassBytesLocator;
import io.procmobility.instrumenter.Instrumenter;
import io.procmobility.instrumenter.InstrumenterConfig;
import java.io.IOException;
import java.io.InputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/** Class loaders that make a node a bad migration destination on purpose (see {@link MigrationNodeMain}). */
final class TestLoaders {
    private TestLoaders() {
    }

    /** Hands classes of one package to {@link #own}; everything else to the parent. */
    private abstract static class PackageLoader extends ClassLoader {
        private final String prefix;

        PackageLoader(String packageName, ClassLoader parent) {
            super(parent);
            this.prefix = packageName + ".";
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            return name.startsWith(prefix) ? own(name) : super.loadClass(name, resolve);
        }

        abstract Class<?> own(String name) throws ClassNotFoundException;
    }

    /** The test processes' classes are not there. */
    static final class Refusing extends PackageLoader {
        Refusing(String packageName, ClassLoader parent) {
            super(packageName, parent);
        }

        @Override
        Class<?> own(String name) throws ClassNotFoundException {
            throw new ClassNotFoundException(name);
        }
    }

    /** Loading a test process class hangs (announced with a STALLED line): the destination never answers. */
    static final class Stalling extends PackageLoader {
        Stalling(String packageName, ClassLoader parent) {
            super(packageName, parent);
        }

        @Override
        Class<?> own(String name) throws ClassNotFoundException {
            MigrationNodeMain.say("STALLED " + name);
            try {
                new java.util.concurrent.CountDownLatch(1).await(); // until the test kills this JVM
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new ClassNotFoundException(name);
        }
    }

    /** Loads {@code CounterVariant}'s code under {@code Counter}'s name, instrumented: same class, other bytecode. */
    static final class Variant extends ClassLoader {
        private static final String COUNTER = NodeMigrationTest.PROCS + ".Counter";
        private final Instrumenter instrumenter;

        Variant(ClassLoader parent) {
            super(parent);
            this.instrumenter = new Instrumenter(InstrumenterConfig.including(NodeMigrationTest.PROCS + ".**"),
                    ClassBytesLocator.of(parent));
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(COUNTER)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] renamed = renamedVariant();
                    byte[] instrumented = instrumenter.instrument(renamed);
                    loaded = defineClass(name, instrumented, 0, instrumented.length);
                }
                return loaded;
            }
        }

        private byte[] renamedVariant() throws ClassNotFoundException {
            String variant = COUNTER.replace('.', '/') + "Variant";
            try (InputStream in = getParent().getResourceAsStream(variant + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(variant);
                }
                ClassWriter writer = new ClassWriter(0);
                new ClassReader(in.readAllBytes()).accept(new ClassRemapper(writer,
                        new SimpleRemapper(variant, COUNTER.replace('.', '/'))), 0);
                return writer.toByteArray();
            } catch (IOException e) {
                throw new ClassNotFoundException(variant, e);
            }
        }
    }
}
