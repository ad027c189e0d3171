package io.procmobility.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathTest {
    @TempDir
    Path dir;

    @Test
    void findsClassFilesInDirectoriesJarsAndTheJdkButNotOnThePluginsOwnClassPath() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("com/acme"));
        Files.write(classes.resolve("com/acme/InDir.class"), new byte[] {1, 2, 3});
        Path jar = dir.resolve("lib.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry("org/lib/InJar.class"));
            jarOut.write(new byte[] {4, 5});
            jarOut.closeEntry();
        }

        try (ClassPath classPath = new ClassPath(List.of(classes.toString(), jar.toString(), dir.resolve("missing").toString()))) {
            assertThat(classPath.find("com/acme/InDir")).containsExactly(1, 2, 3);
            assertThat(classPath.find("org/lib/InJar")).containsExactly(4, 5);
            assertThat(classPath.find("java/lang/Object")).isNotEmpty();
            assertThat(classPath.find("com/acme/Nothing")).isNull();
            assertThat(classPath.find("io/procmobility/maven/ClassPath")).isNull();
        }
    }
}
