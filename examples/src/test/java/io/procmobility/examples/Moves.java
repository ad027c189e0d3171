package io.procmobility.examples;

import static org.awaitility.Awaitility.await;

import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.serial.SerialAllowlist;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves a process from one runtime to another in this JVM by hand (freeze, then thaw), the way a
 * migration does between nodes; shows that an example's stack and state survive the trip.
 */
final class Moves {
    static final SerialAllowlist EXAMPLES = SerialAllowlist.builder().allowPackage("io.procmobility.examples.**").build();

    private Moves() {
    }

    /** Freezes {@code pid} in {@code from} at its next suspension and thaws it in {@code to}. */
    static void move(Pid pid, ProcessRuntime from, ProcessRuntime to) {
        AtomicReference<byte[]> frozen = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> {
            try {
                frozen.set(from.freeze(pid, EXAMPLES));
                return true;
            } catch (IllegalStateException running) {
                return false; // not suspended at this instant: try again
            }
        });
        to.thaw(frozen.get(), EXAMPLES, Moves.class.getClassLoader());
    }

    /** Lets {@code from} send to pids born in {@code home} (e.g. an observer endpoint), as a node would. */
    static void routeTo(ProcessRuntime from, ProcessRuntime home) {
        from.routeRemote((to, stream, seq, message) -> {
            home.send(to, message);
            return true;
        });
    }
}
