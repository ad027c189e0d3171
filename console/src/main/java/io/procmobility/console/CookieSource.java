package io.procmobility.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Where the cluster cookie comes from, Erlang-style: {@code --cookie}, else the environment
 * variable {@value #ENV}, else the file {@code cookie} in the console's home folder, created with
 * a random secret (readable by its owner only) the first time. Nodes of one user on one machine
 * therefore share a cookie without being told.
 */
final class CookieSource {
    /** Environment variable read when {@code --cookie} is absent. */
    static final String ENV = "PROCMOBILITY_COOKIE";

    private CookieSource() {
    }

    static String resolve(String option, Map<String, String> env, Path home) {
        if (option != null) {
            if (option.isEmpty()) {
                throw new UserError("--cookie must not be empty");
            }
            return option;
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        Path file = home.resolve("cookie");
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String cookie = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (cookie.isEmpty()) {
                throw new UserError("the cookie file " + file + " is empty: delete it to get a new one, or pass --cookie");
            }
            return cookie;
        } catch (IOException e) {
            throw new UserError("cannot read or create the cookie file " + file + " (" + e.getMessage()
                    + "): pass --cookie or set " + ENV);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        // Written whole to a private temporary file, then renamed: no other node ever reads half a cookie.
        Path temporary = Files.createTempFile(dir, "cookie", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on other file systems
            }
            Files.writeString(temporary, cookie + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException raced) {
            // another node created it at the same moment: use theirs
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
