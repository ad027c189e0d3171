package io.procmobility.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.node.Node;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.transport.TransportConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import io.procmobility.process.Pid;
import static org.awaitility.Awaitility.await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pids the console prints can be typed back, short or long, as targets and inside messages. */
class PidRoundTripTest {
    private Node node;
    private final StringWriter out = new StringWriter();
    private CommandTable commands;

    @BeforeEach
    void start() {
        node = Node.start(TransportConfig.builder("t", ConsoleRun.COOKIE).port(0).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(2));
        commands = new CommandTable(new ConsoleContext(node, new PrintWriter(out, true),
                new SpawnableClasses(getClass().getClassLoader())));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    /** Runs one line and returns what it printed. */
    private String run(String line) {
        int start = out.getBuffer().length();
        commands.execute(line);
        return out.getBuffer().substring(start).strip();
    }

    @Test
    void shortAndLongPidsWorkAsTargetsAndInsideMessages() {
        String store = run("spawn KvStore");
        String pong = run("spawn Pong pong");
        assertThat(store).matches("<[0-9a-f]{8}\\.\\d+>");
        pong = pong.substring(0, pong.indexOf(' '));

        assertThat(run("call " + store + " [put, partner, " + pong + "]")).isEqualTo("null");
        assertThat(run("call " + store + " [get, partner]")).isEqualTo(pong);

        String longStore = run("ps -l").lines().filter(l -> l.contains("KvStore")).map(l -> l.substring(0, l.indexOf(' ')))
                .findFirst().orElseThrow();
        assertThat(longStore).matches("<[0-9a-f]{16}\\.\\d+>").startsWith(store.substring(0, 9));
        assertThat(run("call " + longStore + " size")).isEqualTo("1");
        assertThat(run("send " + longStore + " [put, x, 1]")).isEqualTo("ok");
        assertThat(run("call " + store + " keys")).isEqualTo("[partner, x]");
    }

    @Test
    void aPidOfAnEndedProcessIsStillKnownAndSaysSo() {
        String store = run("spawn KvStore");
        Pid pid = new PidBook(List::of).parse(run("ps -l").lines().filter(l -> l.contains("KvStore"))
                .map(l -> l.substring(0, l.indexOf(' '))).findFirst().orElseThrow());
        assertThat(run("call " + store + " stop")).isEqualTo("ok");
        await().atMost(Duration.ofSeconds(5)).until(() -> node.runtime().exitReason(pid).isPresent());

        assertThat(run("send " + store + " size")).isEqualTo("error: " + store + " has ended (normal); message not sent (try: ps)");
        assertThat(run("send_me " + store + " tcp://127.0.0.1:1806")).isEqualTo("error: " + store + " has ended (normal) (try: ps)");
    }
}
