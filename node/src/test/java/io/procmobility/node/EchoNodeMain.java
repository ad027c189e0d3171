package io.procmobility.node;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.ProcessRef;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.testing.InstrumentingLoader;
import io.procmobility.transport.TransportConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A node in its own JVM for multi-JVM tests: listens on a free port, spawns an Echo process,
 * prints {@code READY <port> <incarnation> <serial>} and runs until its stdin closes.
 */
public final class EchoNodeMain {
    private EchoNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        String cookie = args[1];
        try (Node node = Node.start(TransportConfig.builder(name, cookie).port(0).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(1))) {
            MobileProcess echo = new InstrumentingLoader("io.procmobility.process.procs", EchoNodeMain.class.getClassLoader())
                    .create("io.procmobility.process.procs.Echo");
            ProcessRef ref = node.runtime().spawn(echo);
            System.out.println("READY " + node.port() + " " + ref.pid().incarnation() + " " + ref.pid().serial());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // keep running until the test closes our stdin (or kills us)
            }
        }
    }
}
