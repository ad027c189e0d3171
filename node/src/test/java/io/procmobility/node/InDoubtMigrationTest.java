package io.procmobility.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.procmobility.process.Endpoint;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.testing.InstrumentingLoader;
import io.procmobility.transport.TransportConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hard case of the protocol: the destination accepted, then lost the connection before
 * hearing the outcome (the frame carrying it is lost in a proxy). It must neither start the
 * process on its own nor drop it: it asks the origin, which decided and remembers.
 */
class InDoubtMigrationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final List<Node> nodes = new ArrayList<>();
    private final BlockingQueue<Object> observed = new LinkedBlockingQueue<>();
    private CuttableProxy proxy;

    private Node node(String name, MigrationSettings settings) {
        InstrumentingLoader loader = new InstrumentingLoader(NodeMigrationTest.PROCS, getClass().getClassLoader());
        Node node = Node.start(TransportConfig.builder(name, "cookie").port(0)
                        .allowlist(SerialAllowlist.builder().allowPackage(NodeMigrationTest.PROCS + ".**").build()).classLoader(loader).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(2), settings);
        nodes.add(node);
        return node;
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        nodes.forEach(Node::close);
    }

    private static Pid spawnCounter(Node on, Endpoint observer) {
        return on.runtime().spawn(((InstrumentingLoader) on.loader()).create(NodeMigrationTest.PROCS + ".Counter",
                observer.pid(), 10L)).pid();
    }

    /** The next counter step: {@code [incarnation of its host, n]}. */
    private long[] nextStep() throws InterruptedException {
        List<?> step = (List<?>) observed.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(step).as("a step within " + TIMEOUT).isNotNull();
        return new long[] {(Long) step.get(0), (Long) step.get(1)};
    }

    @Test
    void commitLostInTransitTheDestinationAsksAndStartsTheProcess() throws Exception {
        Node a = node("a", MigrationSettings.defaults());
        Node b = node("b", MigrationSettings.defaults());
        proxy = new CuttableProxy(b.port());
        a.connect("127.0.0.1", proxy.port(), TIMEOUT);
        try (Endpoint observer = a.runtime().openEndpoint(observed::add)) {
            Pid counter = spawnCounter(a, observer);
            long last = nextStep()[1];
            proxy.upstream.set(CuttableProxy.Gate.PASS_ONE_THEN_HOLD); // MIGRATE goes through; COMMIT will not
            MigrationResult result = a.migrate(counter, Destination.node("b")).get(30, TimeUnit.SECONDS);
            assertThat(result.node()).isEqualTo("b");
            await().atMost(TIMEOUT).until(() -> b.inDoubt().contains(counter));
            assertThat(b.runtime().isAlive(counter)).as("not running before the outcome is known").isFalse();

            proxy.cut(); // b never hears the commit; it reconnects to a directly and asks
            await().atMost(TIMEOUT).until(() -> b.runtime().isAlive(counter));
            assertThat(b.inDoubt()).isEmpty();
            long[] step;
            do {
                step = nextStep();
                assertThat(step[1]).isEqualTo(++last);
            } while (step[0] != b.runtime().incarnation());
            for (int i = 0; i < 3; i++) {
                step = nextStep();
                assertThat(step).containsExactly(b.runtime().incarnation(), ++last);
            }
            assertThat(a.runtime().isAlive(counter)).isFalse();
        }
    }

    @Test
    void acceptLostTheOriginAbortsAndTheDestinationInDoubtDropsItsCopyWhenToldSo() throws Exception {
        Node a = node("a", MigrationSettings.defaults().withAcceptTimeout(Duration.ofMillis(500)));
        Node b = node("b", MigrationSettings.defaults());
        proxy = new CuttableProxy(b.port());
        a.connect("127.0.0.1", proxy.port(), TIMEOUT);
        try (Endpoint observer = a.runtime().openEndpoint(observed::add)) {
            Pid counter = spawnCounter(a, observer);
            long last = nextStep()[1];
            proxy.upstream.set(CuttableProxy.Gate.PASS_ONE_THEN_HOLD); // MIGRATE goes through, ABORT will not
            proxy.downstream.set(CuttableProxy.Gate.HOLD);             // ACCEPT never reaches a
            CompletableFuture<MigrationResult> move = a.migrate(counter, Destination.node("b"));
            assertThatThrownBy(() -> move.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(MigrationException.class).hasMessageContaining("did not answer within 500 ms");
            assertThat(b.inDoubt()).contains(counter);
            proxy.cut();
            await().atMost(TIMEOUT).until(() -> b.inDoubt().isEmpty());
            assertThat(b.runtime().isAlive(counter)).isFalse();
            for (int i = 0; i < 5; i++) {
                long[] step = nextStep();
                assertThat(step).containsExactly(a.runtime().incarnation(), ++last);
            }
        }
    }
}
