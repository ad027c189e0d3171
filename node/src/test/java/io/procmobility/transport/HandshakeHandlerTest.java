package io.procmobility.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The frame decoder and the handshake handler on EmbeddedChannels, byte by byte. */
class HandshakeHandlerTest {
    static final String COOKIE = TransportTest.COOKIE;

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64, 4096})
    void handshakeAndMessagesSurviveAnyFragmentation(int chunk) {
        Embedded client = Embedded.client(COOKIE);
        Embedded server = Embedded.server(COOKIE);
        assertThat(server.channel.pipeline().names()).doesNotContain("codec", "dispatch");
        Embedded.pump(client, server, chunk);
        assertThat(client.authenticated()).isTrue();
        assertThat(server.authenticated()).isTrue();
        assertThat(client.connection.remoteNodeName()).isEqualTo("server");
        assertThat(server.connection.remoteNodeName()).isEqualTo("client");
        assertThat(server.channel.pipeline().names()).contains("codec", "dispatch").doesNotContain("handshake");

        client.connection.send(new WireMessage.Ping(3));
        client.connection.send(new WireMessage.Ping(4));
        Embedded.pump(client, server, chunk);
        assertThat(server.listener.messages).containsExactly(new WireMessage.Ping(3), new WireMessage.Ping(4));
        assertThat(client.listener.messages).containsExactly(new WireMessage.Pong(3), new WireMessage.Pong(4));
        client.finish();
        server.finish();
    }

    @Test
    void helloSplitAtEveryByteIsAnsweredOnlyWhenComplete() {
        Embedded client = Embedded.client(COOKIE);
        byte[] hello = client.drainOutbound();
        client.finish();
        for (int split = 1; split < hello.length; split++) {
            Embedded server = Embedded.server(COOKIE);
            server.channel.writeInbound(Unpooled.wrappedBuffer(hello, 0, split));
            assertThat(server.drainOutbound()).as("answer after %d of %d bytes", split, hello.length).isEmpty();
            assertThat(server.channel.isOpen()).isTrue();
            server.channel.writeInbound(Unpooled.wrappedBuffer(hello, split, hello.length - split));
            byte[] challenge = server.drainOutbound();
            assertThat(challenge[4]).isEqualTo((byte) Handshake.CHALLENGE);
            server.finish();
        }
    }

    @Test
    void handshakeFrameLimitAppliesBeforeAuthentication() {
        Embedded server = Embedded.server(COOKIE);
        // A claim of 513 bytes: refused on the length alone, before the bytes arrive.
        server.channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 2, 1}));
        assertThat(server.channel.isOpen()).isFalse();
        assertThat(server.connection.closeReason()).contains("frame of 513 bytes exceeds the limit of 512 bytes");
        server.finish();
    }

    @Test
    void frameLimitAfterAuthenticationIsMaxFrameBytes() {
        Embedded client = Embedded.client(COOKIE);
        Embedded server = Embedded.server(COOKIE);
        Embedded.pump(client, server, 4096);
        server.channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0x10, 1}));
        assertThat(server.channel.isOpen()).isFalse();
        assertThat(server.connection.closeReason()).contains("frame of 4097 bytes exceeds the limit of 4096 bytes (TransportConfig.maxFrameBytes)");
        client.finish();
        server.finish();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"empty", "wrongType", "badMagic", "truncated", "trailing", "emptyName", "controlCharName", "proofFirst"})
    void malformedHelloIsRefused(String kind) {
        byte[] nonce = new byte[Handshake.NONCE_BYTES];
        byte[] good = RawPeer.hello(Handshake.PROTOCOL_VERSION, "peer", nonce);
        byte[] frame = switch (kind) {
            case "empty" -> new byte[0];
            case "wrongType" -> with(good, 0, (byte) 9);
            case "badMagic" -> with(good, 1, (byte) 'X');
            case "truncated" -> Arrays.copyOf(good, good.length - 1);
            case "trailing" -> Arrays.copyOf(good, good.length + 1);
            case "emptyName" -> RawPeer.hello(Handshake.PROTOCOL_VERSION, "", nonce);
            case "controlCharName" -> RawPeer.hello(Handshake.PROTOCOL_VERSION, "a\nb", nonce);
            case "proofFirst" -> ByteBuffer.allocate(33).put((byte) Handshake.PROOF).array();
            default -> throw new IllegalArgumentException(kind);
        };
        Embedded server = Embedded.server(COOKIE);
        server.feed(framed(frame), 4096);
        assertThat(server.channel.isOpen()).isFalse();
        assertThat(server.connection.closeReason()).startsWith("handshake failed: ");
        assertThat(server.authenticated()).isFalse();
        assertThat(server.listener.handshakeFailures).hasSize(1);
        server.finish();
    }

    @Test
    void wrongProofIsRefusedWithBadCookie() {
        Embedded client = Embedded.client("another-cookie");
        Embedded server = Embedded.server(COOKIE);
        server.feed(client.drainOutbound(), 4096);          // HELLO
        client.feed(server.drainOutbound(), 4096);          // CHALLENGE
        server.feed(client.drainOutbound(), 4096);          // PROOF (wrong)
        byte[] refuse = server.drainOutbound();
        assertThat(refuse).containsExactly(0, 0, 0, 4, Handshake.REFUSE, (byte) Handshake.Refusal.BAD_COOKIE.code, 0, Handshake.PROTOCOL_VERSION);
        assertThat(server.channel.isOpen()).isFalse();
        client.feed(refuse, 4096);
        assertThat(client.connection.closeReason()).contains("refused by peer: cookie proof did not verify");
        client.finish();
        server.finish();
    }

    @Test
    void handshakeTimesOut() {
        Embedded server = Embedded.server(COOKIE);
        server.channel.advanceTimeBy(4, TimeUnit.SECONDS);
        server.channel.runScheduledPendingTasks();
        assertThat(server.channel.isOpen()).isTrue();
        server.channel.advanceTimeBy(2, TimeUnit.SECONDS);
        server.channel.runScheduledPendingTasks();
        assertThat(server.channel.isOpen()).isFalse();
        assertThat(server.connection.closeReason()).contains("no complete handshake within 5000 ms");
        server.finish();
    }

    @Test
    void garbageAfterAuthenticationIsRejectedNotFatal() {
        Embedded client = Embedded.client(COOKIE);
        Embedded server = Embedded.server(COOKIE);
        Embedded.pump(client, server, 4096);
        server.feed(framed("definitely not kryo".getBytes(StandardCharsets.US_ASCII)), 4096);
        server.feed(framed(new byte[0]), 4096);
        assertThat(server.listener.rejected).hasSize(2).allSatisfy(r -> assertThat(r).contains("bad header"));
        assertThat(server.channel.isOpen()).isTrue();
        client.finish();
        server.finish();
    }

    static byte[] framed(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    private static byte[] with(byte[] bytes, int index, byte value) {
        byte[] copy = bytes.clone();
        copy[index] = value;
        return copy;
    }
}
