package io.procmobility.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last run left in a classes directory: the SHA-256 of every class file as it was after
 * instrumentation, under a fingerprint of the configuration. A class file whose hash is still the
 * recorded one is unchanged (not recompiled since) and is not read again; a different
 * configuration fingerprint discards everything. Plain text, one {@code hash path} per line.
 */
final class BuildState {
    private static final String HEADER = "# procmobility-maven-plugin state v1: class file hashes after instrumentation."
            + " Delete this file to make the next build examine every class.";
    private static final String CONFIG = "config ";

    private final Path file;
    private final String fingerprint;
    private final Map<String, String> previous;
    private final Map<String, String> current = new TreeMap<>();

    private BuildState(Path file, String fingerprint, Map<String, String> previous) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.previous = previous;
    }

    /** A state that remembers nothing (a full build); {@link #save} still records this run. */
    static BuildState fresh(Path file, String fingerprint) {
        return new BuildState(file, fingerprint, Map.of());
    }

    /**
     * Reads {@code file}; a missing or unreadable file, or one written under another
     * {@code fingerprint}, gives an empty state.
     */
    static BuildState load(Path file, String fingerprint) {
        Map<String, String> hashes = new HashMap<>();
        try {
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && lines.get(1).equals(CONFIG + fingerprint)) {
                    for (String line : lines.subList(2, lines.size())) {
                        int space = line.indexOf(' ');
                        if (space > 0) {
                            hashes.put(line.substring(space + 1), line.substring(0, space));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            hashes.clear(); // a damaged state only costs a full run
        }
        return new BuildState(file, fingerprint, hashes);
    }

    /** True when {@code path} had {@code hash} after the last run. */
    boolean unchanged(String path, String hash) {
        return hash.equals(previous.get(path));
    }

    /** Records the hash of {@code path} as this run leaves it. */
    void record(String path, String hash) {
        current.put(path, hash);
    }

    /** Writes what this run recorded (classes deleted since the last run are forgotten). */
    void save() throws IOException {
        List<String> lines = new ArrayList<>(current.size() + 2);
        lines.add(HEADER);
        lines.add(CONFIG + fingerprint);
        current.forEach((path, hash) -> lines.add(hash + " " + path));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Hex SHA-256 of {@code text} in UTF-8: the fingerprint of a configuration. */
    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
