package io.procmobility.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the cookie handshake (see {@link Handshake} for the frames, {@link CookieAuth} for the
 * proofs) on one connection, then replaces itself with the message codec. Until then nothing
 * else is in the pipeline after it: no frame can reach Kryo before the peer is authenticated.
 *
 * <p>Client: HELLO, wait CHALLENGE, send PROOF, wait ACCEPT. Server: wait HELLO, send CHALLENGE,
 * wait PROOF, send ACCEPT. Any unexpected, malformed or late frame closes the connection with the
 * reason logged; the whole exchange (TLS included) must finish within the handshake timeout.
 */
final class HandshakeHandler extends ChannelInboundHandlerAdapter {
    enum Role { CLIENT, SERVER }

    private enum State { AWAIT_HELLO, AWAIT_CHALLENGE, AWAIT_PROOF, AWAIT_ACCEPT, DONE, FAILED }

    private final Role role;
    private final String localName;
    private final CookieAuth auth;
    private final Duration timeout;
    private final PeerConnection connection;
    private final FrameDecoder frames;
    /** Builds the handlers that take over after the handshake (codec, dispatcher). */
    private final Supplier<AuthenticatedHandlers> next;

    private State state;
    private byte[] localNonce;
    private byte[] peerNonce;
    private String peerName;
    private ScheduledFuture<?> timeoutTask;

    /** The handlers installed after a successful handshake, in pipeline order. */
    record AuthenticatedHandlers(io.netty.channel.ChannelHandler codec, io.netty.channel.ChannelHandler dispatcher) {
    }

    HandshakeHandler(Role role, String localName, byte[] cookie, Duration timeout, PeerConnection connection,
                     FrameDecoder frames, Supplier<AuthenticatedHandlers> next) {
        this.role = role;
        this.localName = localName;
        this.auth = new CookieAuth(cookie);
        this.timeout = timeout;
        this.connection = connection;
        this.frames = frames;
        this.next = next;
        this.state = role == Role.CLIENT ? State.AWAIT_CHALLENGE : State.AWAIT_HELLO;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        connection.markActive();
        timeoutTask = ctx.executor().schedule(() -> {
            if (state != State.DONE && state != State.FAILED) {
                fail(ctx, new Handshake.Failure("no complete handshake within " + timeout.toMillis()
                        + " ms (TransportConfig.handshakeTimeout), state " + state, null));
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (role == Role.CLIENT) {
            // With TLS, SslHandler holds this until its own handshake is done.
            localNonce = CookieAuth.nonce();
            ctx.writeAndFlush(Handshake.greeting(ctx.alloc(), Handshake.HELLO, Handshake.PROTOCOL_VERSION, localName, localNonce));
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelTimeout();
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!(msg instanceof ByteBuf frame)) {
                throw new Handshake.Failure("unexpected " + msg.getClass().getName() + " during the handshake", null);
            }
            step(ctx, frame);
        } catch (Handshake.Failure failure) {
            fail(ctx, failure);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void step(ChannelHandlerContext ctx, ByteBuf frame) throws Handshake.Failure {
        switch (state) {
            case AWAIT_HELLO -> {
                Handshake.Greeting hello = Handshake.parseGreeting(frame, Handshake.HELLO);
                peerName = hello.nodeName();
                peerNonce = hello.nonce();
                localNonce = CookieAuth.nonce();
                state = State.AWAIT_PROOF;
                ctx.writeAndFlush(Handshake.greeting(ctx.alloc(), Handshake.CHALLENGE, Handshake.PROTOCOL_VERSION, localName, localNonce));
            }
            case AWAIT_CHALLENGE -> {
                Handshake.Greeting challenge = Handshake.parseGreeting(frame, Handshake.CHALLENGE);
                peerName = challenge.nodeName();
                peerNonce = challenge.nonce();
                state = State.AWAIT_ACCEPT;
                byte[] proof = auth.clientProof(localName, peerName, localNonce, peerNonce);
                ctx.writeAndFlush(Handshake.mac(ctx.alloc(), Handshake.PROOF, proof));
            }
            case AWAIT_PROOF -> {
                byte[] proof = Handshake.parseMac(frame, Handshake.PROOF);
                byte[] expected = auth.clientProof(peerName, localName, peerNonce, localNonce);
                if (!CookieAuth.matches(expected, proof)) {
                    throw new Handshake.Failure("node " + peerName + " did not prove the cluster cookie (wrong cookie?)",
                            Handshake.Refusal.BAD_COOKIE);
                }
                ctx.writeAndFlush(Handshake.mac(ctx.alloc(), Handshake.ACCEPT, auth.serverProof(peerName, localName, peerNonce, localNonce)));
                succeed(ctx);
            }
            case AWAIT_ACCEPT -> {
                byte[] proof = Handshake.parseMac(frame, Handshake.ACCEPT);
                byte[] expected = auth.serverProof(localName, peerName, localNonce, peerNonce);
                if (!CookieAuth.matches(expected, proof)) {
                    throw new Handshake.Failure("node " + peerName + " did not prove the cluster cookie (wrong cookie?)", null);
                }
                succeed(ctx);
            }
            default -> {
                // FAILED: the connection is closing; drop whatever was already in flight.
            }
        }
    }

    /** Swaps this handler for the codec and dispatcher, lifts the frame limit, then tells the node. */
    private void succeed(ChannelHandlerContext ctx) {
        state = State.DONE;
        cancelTimeout();
        frames.authenticated();
        AuthenticatedHandlers handlers = next.get();
        ctx.pipeline().addAfter(ctx.name(), "codec", handlers.codec());
        ctx.pipeline().addAfter("codec", "dispatch", handlers.dispatcher());
        ctx.pipeline().remove(this);
        connection.authenticated(peerName);
    }

    private void fail(ChannelHandlerContext ctx, Handshake.Failure failure) {
        if (state == State.FAILED) {
            return;
        }
        state = State.FAILED;
        cancelTimeout();
        String reason = "handshake failed: " + failure.getMessage()
                + (peerName != null && connection.remoteNodeName() == null ? " [peer claimed node name " + peerName + "]" : "");
        if (failure.refusal != null && ctx.channel().isActive() && connection.closing(reason, true)) {
            // Tell the peer why, then hang up; the frame is tiny and carries no secret.
            ctx.writeAndFlush(Handshake.refuse(ctx.alloc(), failure.refusal)).addListener(ChannelFutureListener.CLOSE);
        } else {
            connection.closeWithReason(reason, true);
        }
    }

    private void cancelTimeout() {
        if (timeoutTask != null) {
            timeoutTask.cancel(false);
            timeoutTask = null;
        }
    }
}
