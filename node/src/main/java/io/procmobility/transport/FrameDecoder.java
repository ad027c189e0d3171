package io.procmobility.transport;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.ByteOrder;

/**
 * Splits the byte stream into frames: a 4-byte big-endian length, then that many bytes (the
 * length is stripped). Netty's {@link LengthFieldBasedFrameDecoder} with fail-fast on, plus one
 * twist: until the peer is authenticated only handshake-sized frames are accepted, so an
 * unauthenticated peer cannot make this node buffer {@code maxFrameBytes} of garbage.
 *
 * <p>A frame over the limit raises {@link TooLongFrameException} as soon as its length is read,
 * before any of its bytes are buffered; the connection guard then closes the connection.
 */
final class FrameDecoder extends LengthFieldBasedFrameDecoder {
    static final int LENGTH_FIELD_BYTES = 4;

    private final int maxFrameBytes;
    private boolean authenticated;

    FrameDecoder(int maxFrameBytes) {
        super(ByteOrder.BIG_ENDIAN, maxFrameBytes, 0, LENGTH_FIELD_BYTES, 0, LENGTH_FIELD_BYTES, true);
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Lifts the handshake limit; called on the event loop when the handshake succeeds. */
    void authenticated() {
        authenticated = true;
    }

    @Override
    protected long getUnadjustedFrameLength(ByteBuf buf, int offset, int length, ByteOrder order) {
        long frameLength = super.getUnadjustedFrameLength(buf, offset, length, order);
        long limit = authenticated ? maxFrameBytes : Handshake.MAX_FRAME_BYTES;
        if (frameLength > limit) {
            // Fail before LengthFieldBasedFrameDecoder starts discarding: the connection is closed anyway.
            throw new TooLongFrameException("frame of " + frameLength + " bytes exceeds the limit of " + limit + " bytes ("
                    + (authenticated ? "TransportConfig.maxFrameBytes" : "handshake frame limit, peer not authenticated yet") + ")");
        }
        return frameLength;
    }
}
