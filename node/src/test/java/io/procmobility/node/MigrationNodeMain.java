package io.procmobility.node;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRef;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.testing.InstrumentingLoader;
import io.procmobility.transport.TransportConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A node in its own JVM for the multi-JVM migration tests, driven by commands on stdin; answers
 * on stdout with one parseable line per event. Modes make it a bad destination on purpose:
 * {@code deny} (test processes not allowlisted), {@code missing} (their classes cannot be
 * loaded), {@code variant} (another version of Counter), {@code stall} (loading their classes
 * hangs: a migration to it never gets an answer, until the test kills it).
 *
 * <pre>
 * connect PORT                       -> CONNECTED name
 * spawn CLASS ARGS...                -> PID inc serial      (args: pid as inc:serial, numbers, words)
 * migrate INC SERIAL PORT            -> MIGRATED inc serial node epoch | MIGRATE-FAILED inc serial reason
 * alive INC SERIAL                   -> ALIVE true|false
 * </pre>
 */
public final class MigrationNodeMain {
    private MigrationNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        String mode = args.length > 2 ? args[2] : "normal";
        ClassLoader parent = MigrationNodeMain.class.getClassLoader();
        ClassLoader loader = switch (mode) {
            case "missing" -> new TestLoaders.Refusing(NodeMigrationTest.PROCS, parent);
            case "stall" -> new TestLoaders.Stalling(NodeMigrationTest.PROCS, parent);
            case "variant" -> new TestLoaders.Variant(parent);
            default -> new InstrumentingLoader(NodeMigrationTest.PROCS, parent);
        };
        SerialAllowlist allowlist = mode.equals("deny") ? SerialAllowlist.builder().allowPackage("com.elsewhere.**").build()
                : SerialAllowlist.builder().allowPackage(NodeMigrationTest.PROCS + ".**").build();
        InstrumentingLoader spawning = loader instanceof InstrumentingLoader own ? own
                : new InstrumentingLoader(NodeMigrationTest.PROCS, parent);
        try (Node node = Node.start(TransportConfig.builder(name, args[1]).port(0).allowlist(allowlist).classLoader(loader).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(2),
                MigrationSettings.defaults().withAcceptTimeout(Duration.ofSeconds(20)))) {
            say("READY " + node.port() + " " + node.runtime().incarnation());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                try {
                    run(node, spawning, line.trim().split(" "));
                } catch (Exception e) {
                    say("ERROR " + e);
                }
            }
        }
    }

    private static void run(Node node, InstrumentingLoader loader, String[] cmd) throws Exception {
        switch (cmd[0]) {
            case "connect" -> say("CONNECTED " + node.connect("127.0.0.1", Integer.parseInt(cmd[1]), Duration.ofSeconds(30)));
            case "spawn" -> {
                List<Object> args = new ArrayList<>();
                for (int i = 2; i < cmd.length; i++) {
                    args.add(parse(cmd[i]));
                }
                MobileProcess code = loader.create(NodeMigrationTest.PROCS + "." + cmd[1], args.toArray());
                ProcessRef ref = node.runtime().spawn(code);
                say("PID " + ref.pid().incarnation() + " " + ref.pid().serial());
            }
            case "migrate" -> {
                Pid pid = new Pid(Long.parseLong(cmd[1]), Long.parseLong(cmd[2]));
                node.migrate(pid, Destination.tcp("127.0.0.1", Integer.parseInt(cmd[3]))).whenComplete((result, failure) -> {
                    if (failure == null) {
                        say("MIGRATED " + cmd[1] + " " + cmd[2] + " " + result.node() + " " + result.epoch());
                    } else {
                        say("MIGRATE-FAILED " + cmd[1] + " " + cmd[2] + " " + failure.getMessage().replace('\n', ' '));
                    }
                });
            }
            case "stats" -> say("STATS dropped=" + node.runtime().droppedMessages() + " inDoubt=" + node.inDoubt()
                    + " processes=" + node.runtime().processes());
            case "alive" -> say("ALIVE " + node.runtime().isAlive(new Pid(Long.parseLong(cmd[1]), Long.parseLong(cmd[2]))));
            default -> say("ERROR unknown command " + cmd[0]);
        }
    }

    /** {@code inc:serial} is a pid, a number with L is a Long, a plain number an Integer, anything else a String. */
    private static Object parse(String arg) {
        if (arg.matches("-?\\d+:\\d+")) {
            String[] parts = arg.split(":");
            return new Pid(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }
        if (arg.matches("-?\\d+L")) {
            return Long.parseLong(arg.substring(0, arg.length() - 1));
        }
        if (arg.matches("-?\\d+")) {
            return Integer.parseInt(arg);
        }
        return arg;
    }

    static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
