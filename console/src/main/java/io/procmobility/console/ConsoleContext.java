package io.procmobility.console;

import io.procmobility.node.Node;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What commands work with: the node, where results go, and the shared readers and printers of
 * pids, names and messages.
 */
final class ConsoleContext {
    /** How long {@code connect} waits for the handshake. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Node node;
    private final PrintWriter out;
    private final PidBook pids;
    private final TermFormatter formatter;
    private final SpawnableClasses classes;
    private final java.util.function.Consumer<String> notices;
    private final java.util.Map<io.procmobility.process.MonitorRef, String> watched = new java.util.concurrent.ConcurrentHashMap<>();
    private io.procmobility.process.Endpoint watcher;

    ConsoleContext(Node node, PrintWriter out, SpawnableClasses classes) {
        this(node, out, classes, null);
    }

    /**
     * {@code notices} prints lines that come later, on another thread (a monitored process went
     * down); by default they go to {@code out} like results.
     */
    ConsoleContext(Node node, PrintWriter out, SpawnableClasses classes, java.util.function.Consumer<String> notices) {
        this.node = Objects.requireNonNull(node, "node");
        this.out = Objects.requireNonNull(out, "out");
        this.classes = Objects.requireNonNull(classes, "classes");
        this.pids = new PidBook(() -> node.runtime().processes());
        this.formatter = new TermFormatter(pids);
        this.notices = notices != null ? notices : this::println;
    }

    /**
     * Monitors {@code pid}: when it ends (or its node goes down) a notice says so, with
     * {@code label} (how the user named it).
     */
    synchronized void watch(Pid pid, String label) {
        if (watcher == null) {
            watcher = node.runtime().openEndpoint(message -> {
                if (message instanceof io.procmobility.process.Down down) {
                    String name = watched.remove(down.ref());
                    notices.accept("down: " + format(down.pid()) + (name == null || name.startsWith("<") ? "" : " (" + name + ")")
                            + " " + down.reason());
                }
            });
        }
        watched.put(watcher.monitor(pid), label);
    }

    Node node() {
        return node;
    }

    ProcessRuntime runtime() {
        return node.runtime();
    }

    SpawnableClasses classes() {
        return classes;
    }

    /** Prints one result line. */
    void println(String line) {
        out.println(line);
        out.flush();
    }

    /** A value as the console prints it (pids short, strings quoted when needed). */
    String format(Object value) {
        return formatter.format(value);
    }

    /** A pid as the console prints it, remembered so that it can be typed back. */
    String format(Pid pid) {
        return pids.format(pid);
    }

    /** Reads a message typed by the user (see {@link TermParser}). */
    Object message(String word) {
        return new TermParser(pids::parse).parse(word);
    }

    /**
     * The process {@code word} names: a pid ({@code <1a2b3c4d.7>}, short or long form) or a name
     * registered on this node.
     *
     * @throws UserError when no such process is known
     */
    Pid target(String word) {
        if (word.startsWith("<")) {
            return pids.parse(word);
        }
        Optional<Pid> registered = node.runtime().whereis(word);
        if (registered.isEmpty()) {
            throw new UserError("no process named '" + word + "' (try: ps)");
        }
        return registered.get();
    }

    /**
     * Throws when {@code pid} is known to have ended on this node (a process that moved away has
     * not ended: messages still follow it).
     */
    void requireNotEnded(Pid pid, String consequence) {
        node.runtime().exitReason(pid).ifPresent(reason -> {
            throw new UserError(format(pid) + " has ended (" + reason + ")" + consequence + " (try: ps)");
        });
    }
}
