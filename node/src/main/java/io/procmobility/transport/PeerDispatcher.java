package io.procmobility.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands decoded messages and rejections of one authenticated connection to the {@link PeerListener}. */
final class PeerDispatcher extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(PeerDispatcher.class);

    private final PeerConnection connection;

    PeerDispatcher(PeerConnection connection) {
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof WireMessage message) {
                connection.listener().onMessage(connection, message);
            } else if (msg instanceof Undecodable bad) {
                LOG.warn("{} rejected a message from {}: {}", connection.localNodeName(), connection.describe(), bad.reason());
                connection.listener().onRejected(connection, bad.reason());
            }
        } catch (RuntimeException e) {
            // A bug in the node's handler must not cut the connection to a healthy peer.
            LOG.error("PeerListener failed on a message from {}", connection.describe(), e);
        }
    }
}
