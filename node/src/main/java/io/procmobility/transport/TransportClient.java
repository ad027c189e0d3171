package io.procmobility.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/**
 * Opens connections to peer nodes. One client (one event-loop group) serves any number of
 * connections; {@link #close()} closes them all and stops its threads.
 *
 * <pre>{@code
 * try (TransportClient client = new TransportClient(config, listener)) {
 *     PeerConnection peer = client.connect("127.0.0.1", port).handshake().get(5, SECONDS);
 *     peer.send(new WireMessage.Ping(1));
 * }
 * }</pre>
 */
public final class TransportClient implements AutoCloseable {
    private final TransportConfig config;
    private final PeerListener listener;
    private final EventLoopGroup group;
    private final TransportInitializer initializer;
    private final Set<PeerConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @throws TransportException when the TLS material is unusable
     */
    public TransportClient(TransportConfig config, PeerListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        SslContext ssl = null;
        if (config.tls() != null) {
            try {
                ssl = config.tls().clientContext();
            } catch (SSLException | RuntimeException e) {
                throw new TransportException("Node " + config.nodeName() + ": unusable TLS material: " + e.getMessage(), e);
            }
        }
        this.initializer = new TransportInitializer(config, ssl);
        this.group = EventLoops.create(config.nodeName(), "client", config.ioThreads());
    }

    /**
     * Connects to the node at {@code host:port} and starts the handshake. Returns at once: wait on
     * {@link PeerConnection#handshake()}, which fails with a {@link TransportException} saying why
     * when the connection or the handshake fails.
     */
    public PeerConnection connect(String host, int port) {
        if (closed) {
            throw new IllegalStateException("TransportClient of node " + config.nodeName() + " is closed");
        }
        InetSocketAddress target = InetSocketAddress.createUnresolved(host, port);
        PeerConnection connection = new PeerConnection(config.nodeName(), target, listener);
        connections.add(connection);
        connection.closeFuture().whenComplete((r, e) -> connections.remove(connection));
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.handshakeTimeout().toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        initializer.init(ch, HandshakeHandler.Role.CLIENT, connection, target);
                    }
                });
        ChannelFuture future = bootstrap.connect(host, port);
        future.addListener(f -> {
            if (!f.isSuccess()) {
                connection.closeWithReason("cannot connect to " + host + ":" + port + ": " + f.cause().getMessage(), true);
            }
        });
        return connection;
    }

    /** Connections opened by this client and still open. */
    public Set<PeerConnection> connections() {
        return Set.copyOf(connections);
    }

    /** Closes every connection and stops the event-loop threads; waits for them. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        PeerConnection.closeAll(connections, config.nodeName());
        EventLoops.shutdown(group);
    }
}
