package io.procmobility.cluster.jgroups;

import io.procmobility.cluster.jgroups.procs.Linker;
import io.procmobility.cluster.jgroups.procs.RoundSender;
import io.procmobility.cluster.jgroups.procs.Tally;
import io.procmobility.cluster.jgroups.procs.Ticker;
import io.procmobility.node.Destination;
import io.procmobility.node.MigrationSettings;
import io.procmobility.node.Node;
import io.procmobility.process.Down;
import io.procmobility.process.Endpoint;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.registry.Location;
import io.procmobility.registry.MembershipEvent;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.transport.TransportConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A node of a JGroups cluster in its own JVM, for the multi-JVM node tests. Arguments: cluster
 * name, node name, members (comma-separated), JGroups port, seeds (comma-separated host:port).
 * The node's own transport takes a free port. Prints {@code READY <node port> <join millis>} once
 * in the cluster, then answers commands from stdin with lines ({@code <pid>} is {@code inc:serial}):
 * <pre>
 * ticker NAME MILLIS          -> PID pid, then TICK node n / ECHO node message lines
 * tallies COUNT SENDERS       -> TALLIES pid pid ...
 * register NAME PID           -> REGISTERED NAME | ERROR message
 * whereis NAME                -> WHEREIS NAME pid|none
 * locate PID                  -> LOCATE pid node epoch up|down | LOCATE pid none
 * migrate PID|NAME NODE       -> MIGRATED pid node epoch | MIGRATE-FAILED pid message
 * monitor PID                 -> MONITORING pid, later DOWN pid reason wall-clock-millis
 * link PID                    -> LINKED pid, later EXIT pid reason wall-clock-millis
 * send PID TEXT               -> SENT | SEND-FAILED message
 * alive PID                   -> ALIVE true|false
 * senders FIRST N ROUNDS PAUSE TOTAL FILE  -> (spawns N RoundSenders over the pids in FILE) later SENDER-DONE id sent
 * churn SECONDS INFLIGHT      -> CHURNED moves failures
 * report                      -> TALLY pid received errors last,last,... firstError ... then REPORT-END count
 * dropped                     -> DROPPED n
 * quorum                      -> QUORUM true|false members
 * locations                   -> LOCATIONS checked mismatches [first mismatch]  (registry owner of each local tally)
 * </pre>
 * Membership changes print {@code EVENT LEFT node reason millis} / {@code EVENT JOINED node millis}.
 * Runs until stdin closes (or the test kills it).
 */
public final class MemberMain {
    static final String PROCS = "io.procmobility.cluster.jgroups.procs";

    private final Node node;
    private final Endpoint observer;
    private final Endpoint replies;
    private final ConcurrentHashMap<Pid, Boolean> tallySet = new ConcurrentHashMap<>();
    private final java.util.concurrent.LinkedBlockingQueue<Object> reports = new java.util.concurrent.LinkedBlockingQueue<>();

    private MemberMain(Node node) {
        this.node = node;
        this.observer = node.runtime().openEndpoint(this::observed);
        this.replies = node.runtime().openEndpoint(reports::add);
    }

    public static void main(String[] args) throws Exception {
        String nodeName = args[1];
        JGroupsClusterConfig.Builder cluster = JGroupsClusterConfig.builder(args[0], nodeName)
                .members(List.of(args[2].split(",")))
                .bindPort(Integer.parseInt(args[3]))
                .seeds(args[4].split(","))
                .secret(TestSecrets.fromEnvironment());
        long started = System.nanoTime();
        try (Node node = Node.start(TransportConfig.builder(nodeName, "member-cookie").port(0)
                        .allowlist(SerialAllowlist.builder().allowPackage(PROCS + ".**").build()).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(2),
                MigrationSettings.defaults().withAcceptTimeout(Duration.ofSeconds(10)),
                JGroupsCluster.joining(cluster))) {
            node.registry().orElseThrow().addMembershipListener(event -> {
                if (event instanceof MembershipEvent.Left left) {
                    say("EVENT LEFT " + left.node() + " " + left.reason() + " " + left.at().toEpochMilli());
                } else {
                    say("EVENT JOINED " + event.node() + " " + event.at().toEpochMilli());
                }
            });
            say("READY " + node.port() + " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            new MemberMain(node).serve();
        }
    }

    private void serve() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            try {
                run(line.trim().split(" ", 3));
            } catch (Exception e) {
                say("ERROR " + e);
            }
        }
    }

    private void run(String[] cmd) throws Exception {
        switch (cmd[0]) {
            case "ticker" -> {
                Pid pid = node.runtime().spawn(new Ticker(observer.pid(), Long.parseLong(cmd[2]))).pid();
                say("PID " + text(pid));
                register(cmd[1], pid);
            }
            case "tallies" -> {
                String[] args = cmd[2].split(" ");
                List<String> pids = new ArrayList<>();
                for (int i = Integer.parseInt(cmd[1]); i > 0; i--) {
                    Pid pid = node.runtime().spawn(new Tally(Integer.parseInt(args[0]))).pid();
                    tallySet.put(pid, true);
                    pids.add(text(pid));
                }
                say("TALLIES " + String.join(" ", pids));
            }
            case "register" -> register(cmd[1], pid(cmd[2]));
            case "whereis" -> say("WHEREIS " + cmd[1] + " " + node.runtime().whereis(cmd[1]).map(MemberMain::text).orElse("none"));
            case "locate" -> {
                Location location = node.registry().orElseThrow().locate(pid(cmd[1])).orElse(null);
                say("LOCATE " + cmd[1] + " " + (location == null ? "none"
                        : location.node() + " " + location.epoch() + " " + (location.isNodeDown() ? "down" : "up")));
            }
            case "migrate" -> {
                String who = cmd[1];
                var moving = who.contains(":") ? node.migrate(pid(who), Destination.node(cmd[2]))
                        : node.migrate(who, Destination.node(cmd[2]));
                moving.whenComplete((result, failure) -> {
                    if (failure == null) {
                        say("MIGRATED " + text(result.pid()) + " " + result.node() + " " + result.epoch());
                    } else {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        say("MIGRATE-FAILED " + who + " " + cause.getMessage().replace('\n', ' '));
                    }
                });
            }
            case "monitor" -> {
                observer.monitor(pid(cmd[1]));
                say("MONITORING " + cmd[1]);
            }
            case "link" -> node.runtime().spawn(new Linker(pid(cmd[1]), observer.pid()));
            case "send" -> {
                try {
                    node.send(pid(cmd[1]), cmd[2]);
                    say("SENT");
                } catch (RuntimeException e) {
                    say("SEND-FAILED " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            case "alive" -> say("ALIVE " + node.runtime().isAlive(pid(cmd[1])));
            case "senders" -> senders(cmd);
            case "churn" -> churn(Integer.parseInt(cmd[1]), Integer.parseInt(cmd[2]));
            case "report" -> report();
            case "dropped" -> say("DROPPED " + node.runtime().droppedMessages());
            case "locations" -> locations();
            case "quorum" -> say("QUORUM " + ((JGroupsCluster) node.registry().orElseThrow()).hasQuorum() + " "
                    + String.join(",", node.members()));
            default -> say("ERROR unknown command " + cmd[0]);
        }
    }

    private void register(String name, Pid pid) {
        try {
            node.runtime().register(name, pid);
            say("REGISTERED " + name);
        } catch (RuntimeException e) {
            say("ERROR " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** senders FIRST N ROUNDS PAUSE TOTAL FILE (split into cmd[1] and the rest). */
    private void senders(String[] cmd) throws Exception {
        String[] args = (cmd[1] + " " + cmd[2]).split(" ");
        int first = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        long rounds = Long.parseLong(args[2]);
        long pause = Long.parseLong(args[3]);
        List<Pid> targets = Files.readAllLines(Path.of(args[5])).stream().filter(l -> !l.isBlank()).map(MemberMain::pid)
                .collect(Collectors.toList());
        targets.forEach(t -> tallySet.put(t, true));
        for (int id = first; id < first + count; id++) {
            node.runtime().spawn(new RoundSender(id, targets, rounds, pause, observer.pid()));
        }
        say("SENDERS " + count);
    }

    /** Moves random local tallies to random other members, {@code inflight} at a time, for {@code seconds}. */
    private void churn(int seconds, int inflight) {
        Thread churner = new Thread(() -> {
            AtomicLong moves = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(inflight);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            java.util.Set<Pid> moving = ConcurrentHashMap.newKeySet();
            while (System.nanoTime() < end) {
                List<Pid> local = localTallies().stream().filter(p -> !moving.contains(p)).toList();
                List<String> others = node.members().stream().filter(m -> !m.equals(node.name())).toList();
                if (local.isEmpty() || others.isEmpty()) {
                    sleepQuietly(5); // nothing to move right now: look again shortly
                    continue;
                }
                try {
                    slots.acquire();
                } catch (InterruptedException e) {
                    return;
                }
                Pid pid = local.get(random.nextInt(local.size()));
                moving.add(pid);
                node.migrate(pid, Destination.node(others.get(random.nextInt(others.size())))).whenComplete((r, f) -> {
                    (f == null ? moves : failures).incrementAndGet();
                    moving.remove(pid);
                    slots.release();
                });
            }
            slots.acquireUninterruptibly(inflight); // the last moves have finished
            say("CHURNED " + moves.get() + " " + failures.get());
        }, "churn");
        churner.start();
    }

    /** The tallies living here now (of all this node has heard of: its own, and every target of its senders). */
    private List<Pid> localTallies() {
        return tallySet.keySet().stream().filter(node.runtime()::isAlive).toList();
    }

    /** Checks that the registry places every local tally that has a record here. */
    private void locations() {
        List<Pid> local = localTallies();
        long mismatches = 0;
        String first = "";
        for (Pid pid : local) {
            Location location = node.registry().orElseThrow().locate(pid).orElse(null);
            if (location != null && !location.node().equals(node.name())) {
                mismatches++;
                if (first.isEmpty()) {
                    first = text(pid) + " runs on " + node.name() + " but the registry says " + location;
                }
            }
        }
        say("LOCATIONS " + local.size() + " " + mismatches + " " + first);
    }

    /** Asks every local tally for its counts; one line each, then REPORT-END. */
    private void report() throws InterruptedException {
        List<Pid> local = localTallies();
        reports.clear();
        for (Pid pid : local) {
            node.runtime().send(pid, List.of("report", replies.pid()));
        }
        int answered = 0;
        while (answered < local.size()) {
            Object answer = reports.poll(20, TimeUnit.SECONDS);
            if (answer == null) {
                say("ERROR only " + answered + " of " + local.size() + " tallies answered");
                break;
            }
            List<?> tally = (List<?>) answer;
            List<?> last = (List<?>) tally.get(5);
            say("TALLY " + text((Pid) tally.get(1)) + " " + tally.get(2) + " " + tally.get(3) + " "
                    + last.stream().map(String::valueOf).collect(Collectors.joining(",")) + " " + tally.get(4));
            answered++;
        }
        say("REPORT-END " + answered);
    }

    private void observed(Object message) {
        if (message instanceof Down down) {
            say("DOWN " + text(down.pid()) + " " + down.reason().kind() + " " + System.currentTimeMillis());
        } else if (message instanceof List<?> list && !list.isEmpty()) {
            switch (String.valueOf(list.get(0))) {
                case "tick" -> say("TICK " + list.get(1) + " " + list.get(2));
                case "echo" -> say("ECHO " + list.get(1) + " " + list.get(2));
                case "linked" -> say("LINKED " + text((Pid) list.get(1)));
                case "exit" -> say("EXIT " + text((Pid) list.get(1)) + " " + list.get(2) + " " + System.currentTimeMillis());
                case "sent" -> say("SENDER-DONE " + list.get(1) + " " + list.get(2));
                default -> say("OBSERVED " + list);
            }
        } else {
            say("OBSERVED " + message);
        }
    }

    static String text(Pid pid) {
        return pid.incarnation() + ":" + pid.serial();
    }

    static Pid pid(String text) {
        String[] parts = text.trim().split(":");
        return new Pid(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
