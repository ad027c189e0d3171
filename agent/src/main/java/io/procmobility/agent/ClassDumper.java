package io.procmobility.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes each instrumented class file, exactly as handed to the JVM, to
 * {@code <directory>/<internal name>.class} (option {@code dump}). A class of the same name from
 * another class loader overwrites the earlier file. Failing to write is logged, never thrown: a
 * debugging aid must not break class loading.
 */
final class ClassDumper implements InstrumentationObserver {
    private final Path directory;
    private final AgentLog log;

    ClassDumper(Path directory, AgentLog log) {
        this.directory = directory;
        this.log = log;
    }

    @Override
    public void instrumented(String internalName, ClassLoader loader, byte[] original, byte[] transformed) {
        Path file = directory.resolve(internalName + ".class");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, transformed);
        } catch (IOException | RuntimeException e) {
            log.error("Cannot dump " + internalName + " to " + file + ": " + e);
        }
    }
}
