package io.procmobility.transport;

import java.net.SocketAddress;

/**
 * What the node above the transport hears from its peers. Callbacks run on the connection's
 * event-loop thread, one at a time per connection and in arrival order: they must not block
 * (hand long work to another thread). An exception thrown by a callback is logged and does not
 * close the connection.
 */
public interface PeerListener {

    /** A peer passed the handshake (either direction); messages may now flow. */
    default void onConnected(PeerConnection connection) {
    }

    /** A message from an authenticated peer. */
    void onMessage(PeerConnection connection, WireMessage message);

    /**
     * An authenticated peer sent a frame that could not be decoded (class not allowlisted, length
     * claim over the limits, corrupted bytes). The frame is dropped, the connection stays up; the
     * reason is already logged.
     */
    default void onRejected(PeerConnection connection, String reason) {
    }

    /** An authenticated connection closed; {@code reason} says why (logged already). */
    default void onClosed(PeerConnection connection, String reason) {
    }

    /** A connection closed before its peer was authenticated; {@code reason} says why (logged already). */
    default void onHandshakeFailed(SocketAddress remote, String reason) {
    }
}
