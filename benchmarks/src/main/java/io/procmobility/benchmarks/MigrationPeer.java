package io.procmobility.benchmarks;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.benchmarks.workload.CounterServer;
import io.procmobility.benchmarks.workload.Ponger;
import io.procmobility.benchmarks.workload.Sink;
import io.procmobility.process.Pid;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Node {@code b} of the migration benchmark, in the JVM that {@link MigrationBench} (node
 * {@code a}) forks: connects to {@code a}, then answers commands on stdin with one line each on
 * stdout. It ends when stdin closes (so it never outlives {@code a}) or on {@code exit}.
 *
 * <pre>
 * java -cp benchmarks.jar io.procmobility.benchmarks.MigrationPeer PORT_OF_A CARRIERS
 *   -> READY port incarnation driverIncarnation driverSerial
 * clock                 -> CLOCK nanoTime
 * spawn ID Ponger|CounterServer|Sink [ackEvery] -> PID id incarnation serial
 * records               -> RECORDS n, then n lines of numbers (a Hopper report or a driver record each), then END
 * echo                  -> ECHO port     (a plain TCP echo server thread, one connection: the wire baseline)
 * exit
 * </pre>
 */
public final class MigrationPeer {
    private MigrationPeer() {
    }

    public static void main(String[] args) throws Exception {
        int portOfA = Integer.parseInt(args[0]);
        int carriers = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        try (BenchNode b = new BenchNode("b", carriers)) {
            b.node.connect("127.0.0.1", portOfA, Duration.ofSeconds(30));
            b.otherPort(portOfA);
            out.println("READY " + b.node.port() + " " + b.node.runtime().incarnation() + " " + b.driver.pid().incarnation() + " "
                    + b.driver.pid().serial());
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cmd = line.trim().split(" ");
                try {
                    if (cmd[0].equals("exit")) {
                        break;
                    }
                    command(b, cmd, out);
                } catch (RuntimeException e) {
                    out.println("ERROR " + e.toString().replace('\n', ' '));
                }
                out.flush();
            }
        }
        System.exit(0);
    }

    /** A blocking TCP echo on 127.0.0.1 for one connection, TCP_NODELAY, on a thread of its own; returns its port. */
    private static int echoServer() {
        try {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                try (server; Socket s = server.accept()) {
                    s.setTcpNoDelay(true);
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    byte[] buffer = new byte[8192];
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        out.write(buffer, 0, n);
                    }
                } catch (IOException closed) {
                    // the harness closed its end
                }
            }, "tcp-echo");
            t.setDaemon(true);
            t.start();
            return server.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void command(BenchNode b, String[] cmd, PrintStream out) {
        switch (cmd[0]) {
            case "clock" -> out.println("CLOCK " + System.nanoTime());
            case "spawn" -> {
                Class<? extends MobileProcess> type = switch (cmd[2]) {
                    case "Ponger" -> Ponger.class;
                    case "CounterServer" -> CounterServer.class;
                    case "Sink" -> Sink.class;
                    default -> throw new IllegalArgumentException("cannot spawn " + cmd[2]);
                };
                Pid pid = type == Sink.class ? b.spawn(type, Integer.parseInt(cmd[3])) : b.spawn(type);
                out.println("PID " + cmd[1] + " " + pid.incarnation() + " " + pid.serial());
            }
            case "records" -> {
                List<long[]> records = b.drain();
                StringBuilder text = new StringBuilder(records.size() * 64);
                text.append("RECORDS ").append(records.size()).append('\n');
                for (long[] r : records) {
                    for (int i = 0; i < r.length; i++) {
                        text.append(i == 0 ? "" : " ").append(r[i]);
                    }
                    text.append('\n');
                }
                text.append("END");
                out.println(text);
            }
            case "echo" -> out.println("ECHO " + echoServer());
            default -> out.println("ERROR unknown command " + cmd[0]);
        }
    }
}
