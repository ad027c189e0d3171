package io.procmobility.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToMessageCodec;
import io.procmobility.serial.SerializationException;
import io.procmobility.serial.WireSerializer;
import java.util.List;

/**
 * {@link WireMessage} to frame and back through the allowlisting {@link WireSerializer}. Installed
 * only after the handshake. A frame that does not decode becomes an {@link Undecodable} for the
 * dispatcher: each frame is a self-contained Kryo payload, so one bad message does not desynchronise
 * the stream and the connection can keep serving the others.
 */
final class WireCodec extends MessageToMessageCodec<ByteBuf, WireMessage> {
    private final WireSerializer serializer;
    private final int maxFrameBytes;

    WireCodec(WireSerializer serializer, int maxFrameBytes) {
        this.serializer = serializer;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, WireMessage message, List<Object> out) {
        byte[] bytes = serializer.serialize(message);
        if (bytes.length > maxFrameBytes) {
            throw new EncoderException("Cannot send " + message.getClass().getSimpleName() + " to " + ctx.channel().remoteAddress()
                    + ": " + bytes.length + " bytes exceeds TransportConfig.maxFrameBytes (" + maxFrameBytes + ")");
        }
        out.add(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        byte[] bytes = ByteBufUtil.getBytes(frame);
        try {
            Object value = serializer.deserialize(bytes);
            if (value instanceof WireMessage message) {
                out.add(message);
            } else {
                out.add(new Undecodable("frame of " + bytes.length + " bytes holds a "
                        + (value == null ? "null" : value.getClass().getName()) + ", not a WireMessage"));
            }
        } catch (SerializationException e) {
            out.add(new Undecodable(e.getMessage() + " (frame of " + bytes.length + " bytes)"));
        }
    }
}
