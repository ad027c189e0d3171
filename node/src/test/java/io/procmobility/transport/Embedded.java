package io.procmobility.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;

/** Pipelines of the real transport on {@link EmbeddedChannel}s: no sockets, no threads, full control over bytes and time. */
final class Embedded {
    final EmbeddedChannel channel;
    final PeerConnection connection;
    final RecordingListener listener = new RecordingListener(true);

    Embedded(TransportConfig config, HandshakeHandler.Role role) {
        TransportInitializer initializer = new TransportInitializer(config, null);
        connection = new PeerConnection(config.nodeName(), InetSocketAddress.createUnresolved("embedded", 0), listener);
        channel = new EmbeddedChannel(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                initializer.init(ch, role, connection, null);
            }
        });
    }

    static Embedded server(String cookie) {
        return new Embedded(TransportTest.config("server", cookie).maxFrameBytes(4096).build(), HandshakeHandler.Role.SERVER);
    }

    static Embedded client(String cookie) {
        return new Embedded(TransportTest.config("client", cookie).maxFrameBytes(4096).build(), HandshakeHandler.Role.CLIENT);
    }

    /** Everything this side has written so far, as one byte array (frames with their length prefix). */
    byte[] drainOutbound() {
        ByteBuf all = Unpooled.buffer();
        for (Object o; (o = channel.readOutbound()) != null; ) {
            ByteBuf buf = (ByteBuf) o;
            all.writeBytes(buf);
            buf.release();
        }
        byte[] bytes = new byte[all.readableBytes()];
        all.readBytes(bytes);
        all.release();
        return bytes;
    }

    /** Feeds {@code bytes} to this side, {@code chunk} bytes at a time. */
    void feed(byte[] bytes, int chunk) {
        for (int i = 0; i < bytes.length && channel.isOpen(); i += chunk) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, Math.min(chunk, bytes.length - i)));
        }
    }

    boolean authenticated() {
        return connection.handshake().isDone() && !connection.handshake().isCompletedExceptionally();
    }

    /** Moves bytes both ways until neither side has anything to say, one byte per write when {@code chunk} is 1. */
    static void pump(Embedded a, Embedded b, int chunk) {
        for (int round = 0; round < 20; round++) {
            byte[] ab = a.drainOutbound();
            byte[] ba = b.drainOutbound();
            if (ab.length == 0 && ba.length == 0) {
                return;
            }
            b.feed(ab, chunk);
            a.feed(ba, chunk);
        }
    }

    void finish() {
        channel.finishAndReleaseAll();
    }
}
