package io.procmobility.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Runs commands read line by line (stdin that is not a terminal, or a test's script): no prompt,
 * no echo, only results; stops at the end of input or at {@code quit}.
 */
final class ScriptConsole {
    private ScriptConsole() {
    }

    static void run(BufferedReader lines, CommandTable commands) {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!commands.execute(line)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read commands: " + e.getMessage(), e);
        }
    }
}
