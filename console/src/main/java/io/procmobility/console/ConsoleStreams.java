package io.procmobility.console;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Where the command reads and writes, and what it may ask of its surroundings (so that tests can
 * run it in-process).
 *
 * @param in commands in script mode
 * @param out results
 * @param err start-up errors
 * @param terminal true when {@code in} and {@code out} are a terminal: the interactive console runs
 * @param env environment variables
 * @param onNodeStarted told the node's name and how to stop it once it runs (the real {@code main}
 *     stops the node when the JVM is asked to end)
 */
record ConsoleStreams(InputStream in, PrintStream out, PrintStream err, boolean terminal, Map<String, String> env,
                      BiConsumer<String, Runnable> onNodeStarted) {
    ConsoleStreams {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        Objects.requireNonNull(onNodeStarted, "onNodeStarted");
    }
}
