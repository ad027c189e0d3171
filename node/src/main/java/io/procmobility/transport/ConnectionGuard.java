package io.procmobility.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * Last handler of every pipeline: whatever went wrong below (a frame over the limit, TLS failure,
 * an I/O error) closes the connection with a reason that names the peer, and nothing propagates
 * further. One bad peer never affects the others.
 */
final class ConnectionGuard extends ChannelInboundHandlerAdapter {
    private final PeerConnection connection;

    ConnectionGuard(PeerConnection connection) {
        this.connection = connection;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent tls && !tls.isSuccess()) {
            connection.closeWithReason("TLS handshake failed: " + message(tls.cause()), true);
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        connection.closeWithReason(message(cause), true);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // Nothing should get here; if it does, it must not leak.
        io.netty.util.ReferenceCountUtil.release(msg);
    }

    private static String message(Throwable cause) {
        Throwable root = cause;
        if (root instanceof DecoderException && root.getCause() != null) {
            root = root.getCause();
        }
        String text = root.getMessage() != null ? root.getMessage() : root.getClass().getName();
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
