package io.procmobility.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.process.Endpoint;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.transport.TransportConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A node in this JVM talks to a process on a node in another JVM, over a real socket. */
class TwoJvmMessagingTest {
    @Test
    void messagesReachAProcessInAnotherJvmAndComeBackInOrder() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EchoNodeMain.class.getName(), "b", "shared-cookie").redirectErrorStream(true).start();
        try (Node a = Node.start(TransportConfig.builder("a", "shared-cookie").port(0).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(1))) {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            String[] ready = CompletableFuture.supplyAsync(() -> readReady(out)).get(60, TimeUnit.SECONDS);
            drainInBackground(out);
            int port = Integer.parseInt(ready[1]);
            Pid echo = new Pid(Long.parseLong(ready[2]), Long.parseLong(ready[3]));

            assertThat(a.connect("127.0.0.1", port, Duration.ofSeconds(30))).isEqualTo("b");
            BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
            try (Endpoint me = a.runtime().openEndpoint(replies::add)) {
                for (int i = 0; i < 1_000; i++) {
                    a.runtime().send(echo, List.of(me.pid(), i));
                }
                for (int i = 0; i < 1_000; i++) {
                    assertThat(replies.poll(30, TimeUnit.SECONDS)).isEqualTo(i);
                }
            }
        } finally {
            other.destroyForcibly();
            other.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Keeps reading the other JVM's output so that its logging never blocks on a full pipe. */
    private static void drainInBackground(BufferedReader out) {
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (java.io.IOException ended) {
                // the process is gone
            }
        }, "drain-node-b");
        drain.setDaemon(true);
        drain.start();
    }

    private static String[] readReady(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("READY ")) {
                    return line.split(" ");
                }
            }
            throw new IllegalStateException("the other JVM ended before it was ready");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
