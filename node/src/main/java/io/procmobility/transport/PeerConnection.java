package io.procmobility.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to a peer node, in either direction. Messages can be sent once
 * {@link #handshake()} has completed; they are written in the order of the {@link #send} calls
 * made from one thread. Thread-safe.
 */
public final class PeerConnection {
    private static final Logger LOG = LoggerFactory.getLogger(PeerConnection.class);

    private final String localNodeName;
    private final SocketAddress target;
    private final PeerListener listener;
    private final CompletableFuture<PeerConnection> handshake = new CompletableFuture<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Channel channel;
    private volatile String remoteNodeName;
    private volatile String closeReason;
    private volatile boolean wasActive;

    PeerConnection(String localNodeName, SocketAddress target, PeerListener listener) {
        this.localNodeName = localNodeName;
        this.target = target;
        this.listener = listener;
    }

    /** Binds the Netty channel; called once by the channel initializer. */
    void attach(Channel channel) {
        this.channel = channel;
        channel.closeFuture().addListener(f -> onChannelClosed());
    }

    /** The socket came up (called by the handshake handler); a channel that never did failed to connect. */
    void markActive() {
        wasActive = true;
    }

    /** The name of this node. */
    public String localNodeName() {
        return localNodeName;
    }

    /** The peer's node name, proven by the handshake; null before it completes. */
    public String remoteNodeName() {
        return remoteNodeName;
    }

    /** The peer's socket address (the address connected to, until the socket is up). */
    public SocketAddress remoteAddress() {
        Channel ch = channel;
        SocketAddress address = ch == null ? null : ch.remoteAddress();
        return address != null ? address : target;
    }

    /** Completes with this connection when the peer is authenticated, exceptionally when it is not. */
    public CompletableFuture<PeerConnection> handshake() {
        return handshake;
    }

    /** Completes with the reason when the connection has closed. */
    public CompletableFuture<String> closeFuture() {
        return closed;
    }

    /** Why the connection closed or is closing, or null while it is open. */
    public String closeReason() {
        return closeReason;
    }

    /** True when authenticated and not closed. */
    public boolean isActive() {
        Channel ch = channel;
        return ch != null && ch.isActive() && handshake.isDone() && !handshake.isCompletedExceptionally();
    }

    /**
     * Sends {@code message}. The future completes when the frame is written to the socket, or
     * exceptionally when the message cannot travel (class not allowlisted, frame too large, not
     * connected) — the connection stays up in the first two cases.
     */
    public CompletableFuture<Void> send(WireMessage message) {
        Objects.requireNonNull(message, "message");
        CompletableFuture<Void> result = new CompletableFuture<>();
        Channel ch = channel;
        if (ch == null || !handshake.isDone() || handshake.isCompletedExceptionally()) {
            result.completeExceptionally(new IllegalStateException("Cannot send to " + describe() + ": the handshake has not completed"));
            return result;
        }
        ch.writeAndFlush(message).addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                result.complete(null);
            } else {
                Throwable cause = f.cause();
                // EncoderException wraps the serializer's message, which is the useful part.
                result.completeExceptionally(cause.getCause() != null && cause instanceof io.netty.handler.codec.EncoderException
                        ? cause.getCause() : cause);
            }
        });
        return result;
    }

    /** Closes the connection; the future completes when it is closed. */
    public CompletableFuture<String> close() {
        closeWithReason("closed by " + localNodeName, false);
        return closed;
    }

    /** Closes with {@code reason}, logged as a warning when {@code problem}. The first reason wins. */
    /** Closes every connection of {@code nodeName}'s transport as it shuts down. */
    static void closeAll(Iterable<PeerConnection> connections, String nodeName) {
        for (PeerConnection connection : connections) {
            connection.closeWithReason("node " + nodeName + " is shutting down its transport", false);
        }
    }

    void closeWithReason(String reason, boolean problem) {
        if (!closing(reason, problem)) {
            return;
        }
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        } else {
            onChannelClosed();
        }
    }

    /**
     * Records and logs why the connection is about to close, for a caller that closes the channel
     * itself (after a last frame). Returns false when another reason came first.
     */
    boolean closing(String reason, boolean problem) {
        if (!closing.compareAndSet(false, true)) {
            return false;
        }
        closeReason = reason;
        if (problem) {
            LOG.warn("Closing connection of {} with {}: {}", localNodeName, describe(), reason);
        } else {
            LOG.debug("Closing connection of {} with {}: {}", localNodeName, describe(), reason);
        }
        return true;
    }

    /** The peer passed the handshake: record its name, complete the future, then tell the listener. */
    void authenticated(String peerName) {
        remoteNodeName = peerName;
        LOG.debug("{} authenticated {}", localNodeName, describe());
        // Complete first: onConnected may send right away, as its contract promises.
        handshake.complete(this);
        try {
            listener.onConnected(this);
        } catch (RuntimeException e) {
            LOG.error("PeerListener.onConnected failed for {}", describe(), e);
        }
    }

    PeerListener listener() {
        return listener;
    }

    private void onChannelClosed() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (closing.compareAndSet(false, true)) {
            // Netty may close a channel whose connect failed before our connect listener runs.
            closeReason = wasActive ? "connection closed by the peer" : "cannot connect to " + targetText();
            LOG.debug("{}: {} closed the connection", localNodeName, describe());
        }
        String reason = closeReason;
        boolean wasAuthenticated = handshake.isDone() && !handshake.isCompletedExceptionally();
        if (!handshake.isDone()) {
            handshake.completeExceptionally(new TransportException("Handshake of " + localNodeName + " with "
                    + describe() + " failed: " + reason));
        }
        try {
            if (wasAuthenticated) {
                listener.onClosed(this, reason);
            } else {
                listener.onHandshakeFailed(remoteAddress(), reason);
            }
        } catch (RuntimeException e) {
            LOG.error("PeerListener callback failed for {}", describe(), e);
        }
        closed.complete(reason);
    }

    private String targetText() {
        return target instanceof java.net.InetSocketAddress inet ? inet.getHostString() + ":" + inet.getPort() : String.valueOf(target);
    }

    /** "peer /127.0.0.1:4242 (node b)" — what log lines and errors name. */
    String describe() {
        String name = remoteNodeName;
        return "peer " + remoteAddress() + (name != null ? " (node " + name + ")" : " (node not authenticated)");
    }

    @Override
    public String toString() {
        return "PeerConnection[" + localNodeName + " <-> " + describe() + "]";
    }
}
