package io.procmobility.cluster.jgroups;

import io.procmobility.process.Pid;
import io.procmobility.registry.MembershipEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A cluster member in its own JVM, for multi-JVM tests. Arguments: cluster name, node name,
 * members (comma-separated), bind port, seeds (comma-separated host:port). Prints
 * {@code JOINED <millis>} once in a view, then one line per membership event
 * ({@code EVENT LEFT <node> <reason> <wall-clock millis> <detail>}); answers commands read from
 * stdin, one per line, with one line each:
 * <ul>
 *   <li>{@code register <name> <serial>} → {@code REGISTERED <name>} or {@code ERROR <message>}
 *   <li>{@code whereis <name>} → {@code WHEREIS <name> <incarnation>.<serial>} or {@code WHEREIS <name> none}
 *   <li>{@code status} → {@code STATUS <quorum true|false> <leader|none> <members>}
 *   <li>{@code claim <serial> <node> <epoch>} → {@code CLAIMED <serial>} or {@code ERROR <message>}
 *   <li>{@code locate <serial>} → {@code LOCATE <serial> <node> <epoch>} or {@code LOCATE <serial> none}
 *   <li>{@code nodedown <node>} → {@code NODEDOWN <node> true|false} (a down record exists)
 *   <li>{@code raftmembers} → {@code RAFTMEMBERS <members>} (the Raft configuration)
 *   <li>{@code refused} → {@code REFUSED <count>} ({@link JGroupsCluster#refusedAttempts()})
 * </ul>
 * Pids are {@code <incarnation of this node>.<serial>}; {@code claim} and {@code locate} take the
 * serial of a pid of the first member's incarnation ({@code "a".hashCode()}), so that every JVM names
 * the same pid.
 * Runs until stdin closes (or the test kills it).
 */
public final class ClusterNodeMain {
    private ClusterNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String node = args[1];
        JGroupsClusterConfig config = JGroupsClusterConfig.builder(args[0], node)
                .members(List.of(args[2].split(",")))
                .bindPort(Integer.parseInt(args[3]))
                .seeds(args[4].split(","))
                .secret(TestSecrets.fromEnvironment())
                .build();
        long incarnation = node.hashCode();
        try (JGroupsCluster cluster = JGroupsCluster.start(config)) {
            cluster.addMembershipListener(event -> {
                if (event instanceof MembershipEvent.Left left) {
                    say("EVENT LEFT " + left.node() + " " + left.reason() + " " + left.at().toEpochMilli() + " " + left.detail());
                } else {
                    say("EVENT JOINED " + event.node() + " " + event.at().toEpochMilli());
                }
            });
            say("JOINED " + cluster.joinTime().toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.trim().split(" ");
                switch (words[0]) {
                    case "register" -> {
                        try {
                            cluster.registerName(words[1], new Pid(incarnation, Long.parseLong(words[2])))
                                    .get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
                            say("REGISTERED " + words[1]);
                        } catch (Exception e) {
                            say("ERROR " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
                        }
                    }
                    case "whereis" -> say("WHEREIS " + words[1] + " " + cluster.whereis(words[1])
                            .map(p -> p.incarnation() + "." + p.serial()).orElse("none"));
                    case "status" -> say("STATUS " + cluster.hasQuorum() + " " + cluster.leader().orElse("none") + " "
                            + String.join(",", cluster.members()));
                    case "claim" -> {
                        try {
                            cluster.claim(new Pid("a".hashCode(), Long.parseLong(words[1])), words[2], Long.parseLong(words[3]))
                                    .get(10, TimeUnit.SECONDS);
                            say("CLAIMED " + words[1]);
                        } catch (Exception e) {
                            say("ERROR " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
                        }
                    }
                    case "locate" -> say("LOCATE " + words[1] + " " + cluster.locate(new Pid("a".hashCode(), Long.parseLong(words[1])))
                            .map(l -> l.node() + " " + l.epoch()).orElse("none"));
                    case "nodedown" -> say("NODEDOWN " + words[1] + " " + cluster.nodeDown(words[1]).isPresent());
                    case "raftmembers" -> say("RAFTMEMBERS " + String.join(",", cluster.raftForTest().members()));
                    case "refused" -> say("REFUSED " + cluster.refusedAttempts());
                    default -> say("ERROR unknown command " + line);
                }
            }
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
