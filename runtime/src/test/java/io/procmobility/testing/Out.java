package io.procmobility.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Where fixtures print. Loaded by the test class loader (parent of every fixture loader), so all
 * runs of a fixture, in any class loader, write to the same log.
 */
public final class Out {
    private static final List<String> LINES = new ArrayList<>();

    private Out() {
    }

    /** Appends one line. */
    public static synchronized void println(Object line) {
        LINES.add(String.valueOf(line));
    }

    /** Returns the lines so far and clears the log. */
    public static synchronized List<String> take() {
        List<String> copy = new ArrayList<>(LINES);
        LINES.clear();
        return copy;
    }
}
