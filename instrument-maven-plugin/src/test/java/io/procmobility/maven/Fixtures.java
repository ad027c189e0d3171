package io.procmobility.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Copies compiled fixture classes (from {@code target/test-classes}) into a directory to instrument. */
final class Fixtures {
    static final String PACKAGE = "com/example/plugintest/";
    static final String[] MOBILE = {"Walker", "Steps", "Plain"};

    private Fixtures() {
    }

    static Path testClasses() {
        try {
            return Path.of(Fixtures.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies {@code com/example/plugintest/NAME.class} for each name; returns the original bytes by name. */
    static Map<String, byte[]> copy(Path target, String packagePath, String... names) {
        Map<String, byte[]> originals = new HashMap<>();
        try {
            for (String name : names) {
                Path from = testClasses().resolve(packagePath + name + ".class");
                Path to = target.resolve(packagePath + name + ".class");
                Files.createDirectories(to.getParent());
                Files.copy(from, to);
                originals.put(name, Files.readAllBytes(from));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return originals;
    }

    static byte[] read(Path dir, String packagePath, String name) {
        try {
            return Files.readAllBytes(dir.resolve(packagePath + name + ".class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
