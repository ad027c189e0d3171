package io.procmobility.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CookieSourceTest {
    @TempDir
    Path home;

    @Test
    void theOptionWinsThenTheEnvironmentThenTheFile() {
        assertThat(CookieSource.resolve("given", Map.of(CookieSource.ENV, "env"), home)).isEqualTo("given");
        assertThat(CookieSource.resolve(null, Map.of(CookieSource.ENV, "env"), home)).isEqualTo("env");
        assertThat(home.resolve("cookie")).doesNotExist();
    }

    @Test
    void theFileIsCreatedOnceOwnerOnlyAndReused() throws Exception {
        Path nested = home.resolve("sub");
        String first = CookieSource.resolve(null, Map.of(), nested);
        assertThat(first).hasSizeGreaterThanOrEqualTo(24);
        Path file = nested.resolve("cookie");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(CookieSource.resolve(null, Map.of(), nested)).isEqualTo(first);
        try (var files = Files.list(nested)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cookie");
        }
    }

    @Test
    void emptyCookiesAreRefused() throws Exception {
        assertThatThrownBy(() -> CookieSource.resolve("", Map.of(), home)).isInstanceOf(UserError.class)
                .hasMessage("--cookie must not be empty");
        Files.writeString(home.resolve("cookie"), "\n");
        assertThatThrownBy(() -> CookieSource.resolve(null, Map.of(), home)).isInstanceOf(UserError.class)
                .hasMessageContaining("is empty: delete it");
    }
}
