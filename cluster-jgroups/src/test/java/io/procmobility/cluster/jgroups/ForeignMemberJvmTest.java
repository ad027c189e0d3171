package io.procmobility.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.procmobility.process.Pid;
import io.procmobility.registry.LeaveReason;
import io.procmobility.registry.NodeDown;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.jgroups.BytesMessage;
import org.jgroups.Header;
import org.jgroups.Message;
import org.jgroups.blocks.cs.TcpClient;
import org.jgroups.protocols.raft.REDIRECT;
import org.jgroups.stack.IpAddress;
import org.jgroups.util.ByteArrayDataOutputStream;
import org.jgroups.util.Util;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, item 1: hostile peers against a running three-member cluster (three JVMs on 127.0.0.1,
 * with a random secret handed over in their environment). Each attacker is a member built with the
 * very same stack, in this JVM, that knows the members' addresses, names and the cluster's name:
 * without the secret, or with another one, it is not admitted to the view, learns nothing of the
 * registry, and its writes — a forged {@code MarkNodeDown} of a live member, a name, a claim on a
 * live pid at epoch MAX−1, {@code addServer} — never commit; the members log each attempt with its
 * address. A raw peer that names a class in a forged JGroups header never gets a member to load it.
 * Every listening socket of a member is bound to the configured address, and there is only the one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForeignMemberJvmTest {
    private static final List<String> MEMBERS = List.of("a", "b", "c");
    /** The serial of the pid (of a's incarnation) claimed by a at epoch 0, and named "orders". */
    private static final long PID_SERIAL = 1;
    /** Long enough for every periodic contact a foreign member could try: MERGE3 runs at least every 2 s. */
    private static final Duration WATCH = Duration.ofSeconds(4);

    private final List<ClusterJvm> jvms = new ArrayList<>();
    private String cluster;
    private String seeds;
    private final List<Integer> ports = new ArrayList<>();

    @BeforeAll
    void startThreeMembers() throws Exception {
        cluster = "foreign-" + Long.toHexString(System.nanoTime());
        for (int i = 0; i < MEMBERS.size(); i++) {
            ports.add(FreePorts.pick());
        }
        seeds = String.join(",", ports.stream().map(p -> "127.0.0.1:" + p).toList());
        for (int i = 0; i < MEMBERS.size(); i++) {
            jvms.add(ClusterJvm.start(cluster, MEMBERS.get(i), MEMBERS, ports.get(i), seeds));
        }
        for (ClusterJvm jvm : jvms) {
            jvm.await(l -> l.startsWith("JOINED"), 60, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jvms.stream().allMatch(this::seesOnlyTheMembers)
                && jvms.get(0).ask("status", "STATUS").startsWith("STATUS true"));
        ClusterJvm a = jvms.get(0);
        a.send("claim " + PID_SERIAL + " a 0");
        assertThat(a.await(l -> l.startsWith("CLAIMED") || l.startsWith("ERROR"), 30, TimeUnit.SECONDS)).isEqualTo("CLAIMED " + PID_SERIAL);
        a.send("register orders " + PID_SERIAL);
        assertThat(a.await(l -> l.startsWith("REGISTERED") || l.startsWith("ERROR"), 30, TimeUnit.SECONDS)).isEqualTo("REGISTERED orders");
        await().atMost(Duration.ofSeconds(10)).until(() -> jvms.stream().allMatch(j -> answer(j, "whereis orders").endsWith("." + PID_SERIAL)));
    }

    @AfterAll
    void stopMembers() throws InterruptedException {
        for (ClusterJvm jvm : jvms) {
            jvm.close();
        }
    }

    @ParameterizedTest(name = "a foreign member {0} is not admitted, reads nothing and commits nothing")
    @ValueSource(strings = {"without a secret", "with another secret"})
    void aForeignMemberIsNotAdmittedReadsNothingAndCommitsNothing(String variant) throws Exception {
        long refusedBefore = totalRefused();
        JGroupsClusterConfig.Builder foreign = JGroupsClusterConfig.builder(cluster, "zzz").members("a", "b", "c", "zzz")
                .bindPort(FreePorts.pick()).seeds(seeds.split(",")).writeTimeout(Duration.ofSeconds(3));
        if (variant.equals("without a secret")) {
            foreign.insecureWithoutSecret();
        } else {
            foreign.secret(TestSecrets.random());
        }
        Pid claimed = new Pid("a".hashCode(), PID_SERIAL);
        try (JGroupsCluster zzz = JGroupsCluster.start(foreign.build())) {
            List<CompletableFuture<?>> forged = new ArrayList<>();
            forged.add(zzz.submitForTest(new Command.MarkNodeDown(
                    new NodeDown("b", LeaveReason.FAILED, "forged by zzz", Instant.now()), Long.MAX_VALUE / 2)));
            forged.add(zzz.registerName("evil", new Pid(666, 1)));
            forged.add(zzz.claim(claimed, "zzz", Long.MAX_VALUE - 1));
            REDIRECT redirect = zzz.channelForTest().getProtocolStack().findProtocol(REDIRECT.class);
            forged.add(persistently(() -> redirect.addServer("x1")));

            // Never admitted: the members' views stay a, b, c while zzz keeps trying (discovery, merges).
            boolean admitted;
            try {
                await().atMost(WATCH).pollInterval(Duration.ofMillis(500))
                        .until(() -> !jvms.stream().allMatch(this::seesOnlyTheMembers));
                admitted = true;
            } catch (ConditionTimeoutException neverAdmitted) {
                admitted = false;
            }
            SoftAssertions softly = new SoftAssertions(); // every broken guarantee is reported, not just the first
            softly.assertThat(admitted).as("zzz admitted to a member's view").isFalse();
            softly.assertThat(zzz.members()).as("zzz's view").containsExactly("zzz");
            // Read nothing: no record, no name reached its replica.
            softly.assertThat(zzz.whereis("orders")).as("name read by zzz").isEmpty();
            softly.assertThat(zzz.locate(claimed)).as("owner record read by zzz").isEmpty();
            // Committed nothing.
            for (int i = 0; i < forged.size(); i++) {
                CompletableFuture<?> write = forged.get(i);
                softly.assertThatThrownBy(() -> write.get(15, TimeUnit.SECONDS)).as("forged write " + i + " of zzz").isNotNull();
            }
            for (ClusterJvm jvm : jvms) {
                softly.assertThat(answer(jvm, "locate " + PID_SERIAL)).as("owner on " + jvm.node).isEqualTo("LOCATE " + PID_SERIAL + " a 0");
                softly.assertThat(answer(jvm, "nodedown b")).as("b's status on " + jvm.node).isEqualTo("NODEDOWN b false");
                softly.assertThat(answer(jvm, "whereis evil")).as("forged name on " + jvm.node).isEqualTo("WHEREIS evil none");
                softly.assertThat(answer(jvm, "raftmembers")).as("Raft members on " + jvm.node).isEqualTo("RAFTMEMBERS a,b,c");
            }
            softly.assertAll();
        }
        // Logged, with the attacker's address, by the members it reached.
        await().atMost(Duration.ofSeconds(10)).until(() -> totalRefused() > refusedBefore);
        String reason = variant.equals("without a secret") ? "does not speak TLS" : PinnedKeyTrustManager.OTHER_SECRET;
        assertThat(jvms.stream().flatMap(j -> j.transcript().stream()))
                .anyMatch(l -> l.contains("refused a cluster peer at 127.0.0.1:") && l.contains(reason));
    }

    @Test
    void aPeerNamingAClassInAForgedHeaderDoesNotGetAMemberToLoadIt() throws Exception {
        ClusterJvm a = jvms.get(0);
        long refusedBefore = Long.parseLong(answer(a, "refused").split(" ")[1]);
        // JGroups reads headers before any protocol sees a message; AuthHeader (magic 66) reads a class name
        // and instantiates that class. The forged header names a class of the members' class path.
        Message forged = new BytesMessage(null, new byte[0]).putHeader((short) 1000, new ForgedAuthHeader(PreAuthCanary.class.getName()));
        ByteArrayDataOutputStream bytes = new ByteArrayDataOutputStream(256);
        Util.writeMessage(forged, bytes, false);
        TcpClient client = new TcpClient(null, new IpAddress(InetAddress.getLoopbackAddress(), ports.get(0)));
        client.usePeerConnections(true); // speaks JGroups' connection preamble, as a member without TLS would
        try {
            client.start();
            client.send(bytes.buffer(), 0, bytes.position());
        } catch (Exception refusedEarly) {
            // a TLS member may close the connection before the bytes are out: that is the point
        } finally {
            client.stop();
        }
        await("member a never initializes the class named in the forged header").during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10)).until(() -> a.transcript().stream().noneMatch(l -> l.contains(PreAuthCanary.LINE)));
        await("member a counts the refused peer").atMost(Duration.ofSeconds(10)).until(() -> Long.parseLong(answer(a, "refused").split(" ")[1]) > refusedBefore);
    }

    @Test
    void everyListeningSocketOfAMemberIsTheConfiguredAddressAndPort() throws Exception {
        for (int i = 0; i < jvms.size(); i++) {
            Set<String> listening = ListeningSockets.of(jvms.get(i).pid());
            assertThat(listening).as("listening sockets of member %s (pid %d)", MEMBERS.get(i), jvms.get(i).pid())
                    .containsExactly("127.0.0.1:" + ports.get(i));
        }
    }

    /**
     * What a determined attacker does with a call that fails at once (e.g. "no leader known yet"):
     * tries again every 200 ms for 3 s; the future of the first call that was accepted, else the last failure.
     */
    private static CompletableFuture<?> persistently(java.util.concurrent.Callable<CompletableFuture<?>> call)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (true) {
            try {
                return call.call();
            } catch (Exception e) {
                if (System.nanoTime() - deadline > 0) {
                    return CompletableFuture.failedFuture(e);
                }
                Thread.sleep(200); // an attacker's retry pace, not a synchronisation
            }
        }
    }

    private boolean seesOnlyTheMembers(ClusterJvm jvm) {
        String status = answer(jvm, "status");
        return Set.of(status.split(" ")[3].split(",")).equals(new HashSet<>(MEMBERS));
    }

    private long totalRefused() {
        return jvms.stream().mapToLong(j -> Long.parseLong(answer(j, "refused").split(" ")[1])).sum();
    }

    private static String answer(ClusterJvm jvm, String command) {
        String prefix = command.split(" ")[0].toUpperCase();
        try {
            return jvm.ask(command, prefix + " ");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Bytes of a JGroups {@code AuthHeader} whose token is "the class named ...". */
    static final class ForgedAuthHeader extends Header {
        private final String className;

        ForgedAuthHeader(String className) {
            this.className = className;
        }

        @Override
        public short getMagicId() {
            return 66; // org.jgroups.protocols.AuthHeader in jg-magic-map.xml
        }

        @Override
        public Supplier<? extends Header> create() {
            throw new UnsupportedOperationException("written only");
        }

        @Override
        public int serializedSize() {
            return 1 + 2 + 2 + className.length();
        }

        @Override
        public void writeTo(DataOutput out) throws IOException {
            out.writeByte(1); // a token follows
            out.writeShort(-1); // not registered: by class name
            out.writeUTF(className);
        }

        @Override
        public void readFrom(DataInput in) {
            throw new UnsupportedOperationException("written only");
        }
    }

    /** The listening TCP sockets and bound UDP sockets of a process, from /proc (Linux). */
    static final class ListeningSockets {
        private ListeningSockets() {
        }

        static Set<String> of(long pid) throws IOException {
            Set<String> inodes = new HashSet<>();
            try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
                for (Path fd : (Iterable<Path>) fds::iterator) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException closedMeanwhile) {
                        // the descriptor went away while listing
                    }
                }
            }
            Set<String> listening = new HashSet<>();
            for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
                Path file = Path.of("/proc", Long.toString(pid), "net", table);
                if (!Files.exists(file)) {
                    continue;
                }
                for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                    String[] f = line.trim().split("\\s+");
                    boolean tcpListen = table.startsWith("tcp") && f[3].equals("0A");
                    if ((tcpListen || table.startsWith("udp")) && inodes.contains(f[9])) {
                        listening.add((table.startsWith("udp") ? "udp " : "") + address(f[1]));
                    }
                }
            }
            return listening;
        }

        /** "0100007F:1E78" (little-endian IPv4) or a 32-hex-digit IPv6 address, to "host:port". */
        private static String address(String hex) throws IOException {
            String[] parts = hex.split(":");
            byte[] raw = new byte[parts[0].length() / 2];
            for (int word = 0; word < raw.length / 4; word++) {
                for (int b = 0; b < 4; b++) {
                    int at = word * 8 + (3 - b) * 2;
                    raw[word * 4 + b] = (byte) Integer.parseInt(parts[0].substring(at, at + 2), 16);
                }
            }
            return InetAddress.getByAddress(raw).getHostAddress() + ":" + Integer.parseInt(parts[1], 16);
        }
    }
}
