package io.procmobility.transport;

import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers everything the transport reports; answers Ping with Pong when asked to. */
final class RecordingListener implements PeerListener {
    final List<WireMessage> messages = new CopyOnWriteArrayList<>();
    final List<String> rejected = new CopyOnWriteArrayList<>();
    final List<String> closed = new CopyOnWriteArrayList<>();
    final List<String> handshakeFailures = new CopyOnWriteArrayList<>();
    final List<PeerConnection> connected = new CopyOnWriteArrayList<>();
    private final boolean echo;

    RecordingListener(boolean echo) {
        this.echo = echo;
    }

    @Override
    public void onConnected(PeerConnection connection) {
        connected.add(connection);
    }

    @Override
    public void onMessage(PeerConnection connection, WireMessage message) {
        messages.add(message);
        if (echo && message instanceof WireMessage.Ping ping) {
            connection.send(new WireMessage.Pong(ping.id()));
        } else if (echo && message instanceof WireMessage.Deliver deliver) {
            // Echo: same target and stream, next number, one more hop (the test checks every field travelled).
            connection.send(new WireMessage.Deliver(deliver.to(), deliver.stream(), deliver.seq() + 1, deliver.hops() + 1, deliver.payload()));
        }
    }

    @Override
    public void onRejected(PeerConnection connection, String reason) {
        rejected.add(reason);
    }

    @Override
    public void onClosed(PeerConnection connection, String reason) {
        closed.add(reason);
    }

    @Override
    public void onHandshakeFailed(SocketAddress remote, String reason) {
        handshakeFailures.add(reason);
    }
}
