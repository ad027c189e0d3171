package io.procmobility.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.esotericsoftware.kryo.io.Output;
import io.procmobility.process.Pid;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.serial.SerializationException;
import io.procmobility.serial.WireSerializer;
import io.procmobility.transport.fixtures.Greeting;
import io.procmobility.transport.fixtures.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real sockets between a server and clients in one JVM. */
class TransportTest {
    static final String COOKIE = "test-cookie-0123456789abcdef";
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAllAndCheckThreads() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        // close() waits for the event loops; a thread may still be finishing its last instructions.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.isAlive() && t.getName().startsWith(EventLoops.THREAD_PREFIX))
                .as("transport threads left after close").isEmpty());
    }

    static TransportConfig.Builder config(String name, String cookie) {
        return TransportConfig.builder(name, cookie).port(0).handshakeTimeout(Duration.ofSeconds(5));
    }

    private TransportServer server(TransportConfig config, PeerListener listener) {
        TransportServer server = TransportServer.start(config, listener);
        toClose.add(server);
        return server;
    }

    private TransportClient client(TransportConfig config, PeerListener listener) {
        TransportClient client = new TransportClient(config, listener);
        toClose.add(client);
        return client;
    }

    private RawPeer raw(TransportServer server) throws Exception {
        RawPeer peer = new RawPeer(server.port());
        toClose.add(peer);
        return peer;
    }

    private static PeerConnection connected(TransportClient client, TransportServer server) throws Exception {
        return client.connect("127.0.0.1", server.port()).handshake().get(10, TimeUnit.SECONDS);
    }

    /** A well-behaved client still gets a Pong: one bad peer did not hurt the server. */
    private void assertServesGoodClient(TransportServer server) throws Exception {
        RecordingListener listener = new RecordingListener(false);
        TransportClient good = client(config("good", COOKIE).build(), listener);
        PeerConnection connection = connected(good, server);
        connection.send(new WireMessage.Ping(42)).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.messages.contains(new WireMessage.Pong(42)));
        connection.close().get(10, TimeUnit.SECONDS);
    }

    @Test
    void handshakeThenMessagesBothWays() throws Exception {
        RecordingListener serverSide = new RecordingListener(true);
        TransportServer server = server(config("alpha", COOKIE).build(), serverSide);
        RecordingListener clientSide = new RecordingListener(false);
        TransportClient client = client(config("beta", COOKIE).build(), clientSide);

        PeerConnection connection = connected(client, server);
        assertThat(connection.remoteNodeName()).isEqualTo("alpha");
        assertThat(connection.isActive()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> serverSide.connected.size() == 1);
        assertThat(serverSide.connected.get(0).remoteNodeName()).isEqualTo("beta");

        Pid a = new Pid(0x1234_5678_9abc_def0L, 7);
        Pid b = new Pid(-1L, 1L << 40);
        for (int i = 0; i < 100; i++) {
            connection.send(new WireMessage.Ping(i));
        }
        connection.send(new WireMessage.Deliver(a, b.incarnation(), 41, 0, List.of("hello", 42, Map.of("k", new int[] {1, 2}))))
                .get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> clientSide.messages.size() == 101);
        // Per-connection order is kept.
        for (int i = 0; i < 100; i++) {
            assertThat(clientSide.messages.get(i)).isEqualTo(new WireMessage.Pong(i));
        }
        WireMessage.Deliver back = (WireMessage.Deliver) clientSide.messages.get(100);
        assertThat(back.to()).isEqualTo(a);
        assertThat(back.stream()).isEqualTo(b.incarnation());
        assertThat(back.seq()).isEqualTo(42);
        assertThat(back.hops()).isEqualTo(1);
        List<?> payload = (List<?>) back.payload();
        assertThat(payload.get(0)).isEqualTo("hello");
        assertThat((int[]) ((Map<?, ?>) payload.get(2)).get("k")).containsExactly(1, 2);

        connection.close().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> serverSide.closed.size() == 1);
        assertThat(serverSide.closed.get(0)).contains("closed by the peer");
    }

    @Test
    void wrongCookieIsRefusedBothWays() throws Exception {
        RecordingListener serverSide = new RecordingListener(true);
        TransportServer server = server(config("alpha", COOKIE).build(), serverSide);
        RecordingListener intruderSide = new RecordingListener(false);
        TransportClient intruder = client(config("mallory", "not-the-cookie").build(), intruderSide);

        PeerConnection connection = intruder.connect("127.0.0.1", server.port());
        assertThatThrownBy(() -> connection.handshake().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TransportException.class)
                .hasMessageContaining("refused by peer: cookie proof did not verify");
        await().atMost(Duration.ofSeconds(10)).until(() -> !serverSide.handshakeFailures.isEmpty());
        assertThat(serverSide.handshakeFailures.get(0))
                .contains("node mallory did not prove the cluster cookie");
        assertThat(serverSide.connected).isEmpty();
        assertThat(intruderSide.connected).isEmpty();
        assertServesGoodClient(server);
    }

    @Test
    void serverWithWrongCookieIsNotTrustedByTheClient() throws Exception {
        // The client proves first; a server that cannot prove the cookie back is dropped by the client.
        TransportServer impostor = server(config("impostor", "other-cookie").build(), new RecordingListener(true));
        TransportClient client = client(config("beta", COOKIE).build(), new RecordingListener(false));
        PeerConnection connection = client.connect("127.0.0.1", impostor.port());
        assertThatThrownBy(() -> connection.handshake().get(10, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(TransportException.class)
                .hasMessageContaining("cookie");
    }

    @Test
    void wrongProtocolVersionIsRefused() throws Exception {
        RecordingListener serverSide = new RecordingListener(true);
        TransportServer server = server(config("alpha", COOKIE).build(), serverSide);
        RawPeer peer = raw(server);
        peer.sendFrame(RawPeer.hello(99, "future", CookieAuth.nonce()));
        byte[] refuse = peer.readFrame();
        assertThat(refuse).containsExactly(Handshake.REFUSE, (byte) Handshake.Refusal.BAD_VERSION.code, 0, Handshake.PROTOCOL_VERSION);
        assertThat(peer.closedByPeer()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !serverSide.handshakeFailures.isEmpty());
        assertThat(serverSide.handshakeFailures.get(0)).contains("peer speaks protocol version 99, this node speaks 1");
        assertServesGoodClient(server);
    }

    @Test
    void garbageIsDisconnected() throws Exception {
        RecordingListener serverSide = new RecordingListener(true);
        TransportServer server = server(config("alpha", COOKIE).build(), serverSide);
        RawPeer http = raw(server);
        http.sendRaw("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(http.closedByPeer()).isTrue();
        RawPeer small = raw(server);
        small.sendFrame(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThat(small.closedByPeer()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> serverSide.handshakeFailures.size() == 2);
        assertThat(serverSide.handshakeFailures).anySatisfy(r -> assertThat(r)
                .contains("exceeds the limit of " + Handshake.MAX_FRAME_BYTES + " bytes (handshake frame limit"));
        assertThat(serverSide.handshakeFailures).anySatisfy(r -> assertThat(r).contains("handshake failed: not a procmobility handshake"));
        assertServesGoodClient(server);
    }

    @Test
    void silentPeerIsDisconnectedAfterTheHandshakeTimeout() throws Exception {
        RecordingListener serverSide = new RecordingListener(true);
        TransportServer server = server(config("alpha", COOKIE).handshakeTimeout(Duration.ofMillis(300)).build(), serverSide);
        RawPeer silent = raw(server);
        assertThat(silent.closedByPeer()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !serverSide.handshakeFailures.isEmpty());
        assertThat(serverSide.handshakeFailures.get(0)).contains("no complete handshake within 300 ms");
        assertServesGoodClient(server);
    }

    @Test
    void oversizedFrameAfterTheHandshakeClosesTheConnection() throws Exception {
        RecordingListener serverSide = new RecordingListener(true);
        TransportServer server = server(config("alpha", COOKIE).maxFrameBytes(64 * 1024).build(), serverSide);
        RawPeer peer = raw(server);
        peer.handshake("raw", COOKIE.getBytes(StandardCharsets.UTF_8));
        // Only the length is sent: the server must refuse on the claim, without waiting for the bytes.
        peer.sendRaw(new byte[] {0, 1, 0, 1});
        assertThat(peer.closedByPeer()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !serverSide.closed.isEmpty());
        assertThat(serverSide.closed.get(0)).contains("frame of 65537 bytes exceeds the limit of 65536 bytes (TransportConfig.maxFrameBytes)");
        assertServesGoodClient(server);
    }

    @Test
    void forgedTwoGigabyteArrayIsRejected() throws Exception {
        RecordingListener serverSide = new RecordingListener(true);
        TransportServer server = server(config("alpha", COOKIE).build(), serverSide);
        RawPeer peer = raw(server);
        peer.handshake("raw", COOKIE.getBytes(StandardCharsets.UTF_8));
        Output forged = new Output(32);
        forged.writeBytes(new byte[] {'P', 'W', (byte) WireSerializer.FORMAT_VERSION});
        forged.writeVarInt(23 + 2, true);              // class: int[] (registration 23)
        forged.writeVarInt(1, true);                   // reference marker: a new object
        forged.writeVarInt(Integer.MAX_VALUE, true);   // length + 1: two billion ints
        peer.sendFrame(forged.toBytes());
        await().atMost(Duration.ofSeconds(10)).until(() -> !serverSide.rejected.isEmpty());
        assertThat(serverSide.rejected.get(0)).contains("claims a int[] of 2147483646 elements");
        assertThat(peer.closedByPeer()).as("an authenticated peer's bad message is refused, not its connection").isFalse();
        assertServesGoodClient(server);
    }

    @Test
    void payloadOfANonAllowlistedClassIsRejected() throws Exception {
        RecordingListener serverSide = new RecordingListener(true);
        TransportServer server = server(config("alpha", COOKIE).build(), serverSide);
        // The sender allows Secret, the receiver does not.
        TransportClient sender = client(config("beta", COOKIE)
                .allowlist(SerialAllowlist.builder().allowClass(Secret.class).build()).build(), new RecordingListener(false));
        PeerConnection connection = connected(sender, server);
        connection.send(new WireMessage.Deliver(new Pid(1, 2), 1, 1, 0, new Secret())).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> !serverSide.rejected.isEmpty());
        assertThat(serverSide.rejected.get(0))
                .contains("names class io.procmobility.transport.fixtures.Secret, which is not allowed")
                .contains("the class was not loaded");
        // The same connection keeps working.
        connection.send(new WireMessage.Ping(5)).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> serverSide.messages.contains(new WireMessage.Ping(5)));
        assertServesGoodClient(server);
    }

    @Test
    void sendingANonAllowlistedClassFailsTheSendOnly() throws Exception {
        TransportServer server = server(config("alpha", COOKIE).build(), new RecordingListener(true));
        RecordingListener clientSide = new RecordingListener(false);
        PeerConnection connection = connected(client(config("beta", COOKIE).build(), clientSide), server);
        assertThatThrownBy(() -> connection.send(new WireMessage.Deliver(new Pid(1, 2), 1, 1, 0, new Secret())).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot serialize wire message")
                .hasMessageContaining("io.procmobility.transport.fixtures.Secret, which is not allowed");
        connection.send(new WireMessage.Ping(9)).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> clientSide.messages.contains(new WireMessage.Pong(9)));
    }

    @Test
    void mutualTls13() throws Exception {
        TestCerts.Identity alpha = TestCerts.selfSigned("alpha");
        TestCerts.Identity beta = TestCerts.selfSigned("beta");
        TestCerts.Identity stranger = TestCerts.selfSigned("stranger");
        RecordingListener serverSide = new RecordingListener(true);
        TransportServer server = server(config("alpha", COOKIE).tls(alpha.trusting(beta)).build(), serverSide);

        RecordingListener clientSide = new RecordingListener(false);
        PeerConnection connection = connected(client(config("beta", COOKIE).tls(beta.trusting(alpha)).build(), clientSide), server);
        connection.send(new WireMessage.Ping(1)).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> clientSide.messages.contains(new WireMessage.Pong(1)));

        // Right cookie, but a certificate the server does not trust.
        TransportClient untrusted = client(config("stranger", COOKIE).tls(stranger.trusting(alpha)).build(), new RecordingListener(false));
        PeerConnection refused = untrusted.connect("127.0.0.1", server.port());
        assertThatThrownBy(() -> refused.handshake().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> !serverSide.handshakeFailures.isEmpty());
        assertThat(serverSide.handshakeFailures.get(0)).containsIgnoringCase("TLS handshake failed");
        assertThat(serverSide.connected).hasSize(1);

        // A plain-TCP client cannot talk to a TLS server either.
        TransportClient plain = client(config("plain", COOKIE).build(), new RecordingListener(false));
        assertThatThrownBy(() -> plain.connect("127.0.0.1", server.port()).handshake().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);

        connection.send(new WireMessage.Ping(2)).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> clientSide.messages.contains(new WireMessage.Pong(2)));
    }

    @Test
    void sendBeforeTheHandshakeFailsAndConnectFailureIsReported() throws Exception {
        TransportClient client = client(config("beta", COOKIE).handshakeTimeout(Duration.ofSeconds(2)).build(), new RecordingListener(false));
        // Port 1 on loopback: nothing listens there.
        PeerConnection nowhere = client.connect("127.0.0.1", 1);
        assertThat(nowhere.send(new WireMessage.Ping(1))).isCompletedExceptionally();
        assertThatThrownBy(() -> nowhere.handshake().get(10, TimeUnit.SECONDS))
                .hasMessageContaining("cannot connect to 127.0.0.1:1");
    }

    @Test
    void closeStopsEverything() throws Exception {
        TransportServer server = TransportServer.start(config("alpha", COOKIE).ioThreads(2).build(), new RecordingListener(true));
        TransportClient client = new TransportClient(config("beta", COOKIE).build(), new RecordingListener(false));
        PeerConnection connection = connected(client, server);
        assertThat(server.connections()).hasSize(1);
        server.close();
        assertThat(connection.closeFuture().get(10, TimeUnit.SECONDS)).contains("closed by the peer");
        client.close();
        server.close(); // idempotent
        // @AfterEach checks that no transport thread is left.
    }

    @Test
    void aLayerAboveRegistersTheTypesItSends() throws Exception {
        List<WireSerializer.Registration> greetings = List.of(WireSerializer.Registration.of(900, Greeting.class));
        RecordingListener serverSide = new RecordingListener(true);
        TransportServer server = server(config("alpha", COOKIE).build().withWireTypes(greetings), serverSide);
        PeerConnection registered = connected(client(config("beta", COOKIE).build().withWireTypes(greetings),
                new RecordingListener(false)), server);
        registered.send(new WireMessage.Deliver(new Pid(1, 2), 1, 1, 0, new Greeting("hello"))).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> serverSide.messages.stream()
                .anyMatch(m -> m instanceof WireMessage.Deliver d && new Greeting("hello").equals(d.payload())));

        // Neither registered nor allowlisted: the transport alone does not let it travel.
        PeerConnection plain = connected(client(config("gamma", COOKIE).build(), new RecordingListener(false)), server);
        assertThatThrownBy(() -> plain.send(new WireMessage.Deliver(new Pid(1, 2), 1, 1, 0, new Greeting("hi"))).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.procmobility.transport.fixtures.Greeting, which is not allowed");
    }

    @Test
    void aWireTypeIdTakenByTheTransportIsRefusedNamingBothTypes() {
        TransportConfig clash = config("alpha", COOKIE).build().withWireTypes(List.of(WireSerializer.Registration.of(203, Greeting.class)));
        assertThatThrownBy(() -> new TransportClient(clash, new RecordingListener(false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Registration ID 203 is used twice: by " + WireMessage.Deliver.class.getName()
                        + " and by " + Greeting.class.getName());
    }

    @Test
    void configValidation() {
        assertThatThrownBy(() -> TransportConfig.builder("has space", COOKIE).build()).hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> TransportConfig.builder("a", "").build()).hasMessageContaining("cookie");
        assertThatThrownBy(() -> TransportConfig.builder("a", COOKIE).maxFrameBytes(10).build()).hasMessageContaining("maxFrameBytes 10");
        assertThat(TransportConfig.builder("a", COOKIE).build().toString()).doesNotContain(COOKIE);
    }
}
