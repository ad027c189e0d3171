package io.procmobility.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The property every fuzzer checks: arbitrary bytes fed (in arbitrary fragments) to a listening
 * node's frame decoder and handshake handler never throw out of the pipeline, never authenticate
 * the peer, never reach the message codec, and only ever produce handshake frames in reply.
 */
final class HandshakeFuzzTarget {
    private HandshakeFuzzTarget() {
    }

    /** {@code data[0]} picks the fragment size, the rest is the byte stream. */
    static void feed(byte[] data) {
        Embedded server = Embedded.server(TransportTest.COOKIE);
        try {
            int chunk = data.length == 0 ? 1 : 1 + (data[0] & 0x3f);
            for (int i = 1; i < data.length && server.channel.isOpen(); i += chunk) {
                server.channel.writeInbound(Unpooled.wrappedBuffer(data, i, Math.min(chunk, data.length - i)));
            }
            server.channel.checkException();
            assertThat(server.authenticated()).isFalse();
            assertThat(server.channel.pipeline().get("codec")).isNull();
            assertThat(server.listener.messages).isEmpty();
            assertThat(server.listener.rejected).isEmpty();
            // The prepender writes length and body as separate buffers: check the reassembled stream.
            ByteBuf out = Unpooled.wrappedBuffer(server.drainOutbound());
            while (out.isReadable()) {
                int length = out.readInt();
                assertThat(length).isLessThanOrEqualTo(out.readableBytes()).isLessThanOrEqualTo(Handshake.MAX_FRAME_BYTES).isPositive();
                assertThat((int) out.getByte(out.readerIndex())).isIn(Handshake.CHALLENGE, Handshake.REFUSE);
                out.skipBytes(length);
            }
            if (!server.channel.isOpen()) {
                assertThat(server.connection.closeReason()).isNotBlank();
            }
        } finally {
            server.channel.finishAndReleaseAll();
        }
    }
}
