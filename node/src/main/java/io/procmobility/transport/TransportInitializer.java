package io.procmobility.transport;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.Channel;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.ssl.SslContext;
import io.procmobility.serial.SerialLimits;
import io.procmobility.serial.WireSerializer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the pipeline of one connection:
 * {@code [tls] -> frames -> prepender -> handshake -> guard}; after the handshake
 * {@code [tls] -> frames -> prepender -> codec -> dispatch -> guard}.
 */
final class TransportInitializer {
    private final TransportConfig config;
    private final SslContext ssl;
    private final WireSerializer serializer;
    private final byte[] cookie;

    TransportInitializer(TransportConfig config, SslContext ssl) {
        this.config = config;
        this.ssl = ssl;
        this.cookie = config.cookie();
        // A payload can never be larger than a frame: cap the serializer at the frame size too.
        SerialLimits limits = config.limits();
        this.serializer = new WireSerializer(config.allowlist(),
                limits.withMaxBytes(Math.min(limits.maxBytes(), config.maxFrameBytes())),
                config.classLoader(), wireTypes(config));
    }

    /** The transport's own types, then those of the layers above; {@link WireSerializer} refuses a duplicate ID. */
    private static List<WireSerializer.Registration> wireTypes(TransportConfig config) {
        List<WireSerializer.Registration> all = new ArrayList<>(WireTypes.ALL);
        all.addAll(config.wireTypes());
        return all;
    }

    void init(Channel ch, HandshakeHandler.Role role, PeerConnection connection, InetSocketAddress target) {
        connection.attach(ch);
        ChannelPipeline p = ch.pipeline();
        if (ssl != null) {
            p.addLast("tls", target == null ? ssl.newHandler(ch.alloc())
                    : ssl.newHandler(ch.alloc(), target.getHostString(), target.getPort()));
        }
        FrameDecoder frames = new FrameDecoder(config.maxFrameBytes());
        p.addLast("frames", frames);
        p.addLast("prepender", new LengthFieldPrepender(FrameDecoder.LENGTH_FIELD_BYTES));
        p.addLast("handshake", new HandshakeHandler(role, config.nodeName(), cookie, config.handshakeTimeout(), connection, frames,
                () -> new HandshakeHandler.AuthenticatedHandlers(new WireCodec(serializer, config.maxFrameBytes()),
                        new PeerDispatcher(connection))));
        p.addLast("guard", new ConnectionGuard(connection));
    }
}
