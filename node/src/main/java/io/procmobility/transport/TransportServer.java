package io.procmobility.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for peer nodes. Every accepted connection runs the handshake first (TLS when configured,
 * then the cookie proof); authenticated peers are handed to the {@link PeerListener}. A peer that
 * misbehaves is disconnected alone: the server keeps serving the others.
 *
 * <pre>{@code
 * try (TransportServer server = TransportServer.start(config, listener)) {
 *     int port = server.port();
 *     ...
 * }
 * }</pre>
 */
public final class TransportServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransportServer.class);

    private final TransportConfig config;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final Set<PeerConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private TransportServer(TransportConfig config, PeerListener listener) {
        this.config = config;
        SslContext ssl = sslContext(config);
        TransportInitializer initializer = new TransportInitializer(config, ssl);
        this.boss = EventLoops.create(config.nodeName(), "accept", 1);
        this.workers = EventLoops.create(config.nodeName(), "server", config.ioThreads());
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            PeerConnection connection = new PeerConnection(config.nodeName(), ch.remoteAddress(), listener);
                            connections.add(connection);
                            connection.closeFuture().whenComplete((r, e) -> connections.remove(connection));
                            initializer.init(ch, HandshakeHandler.Role.SERVER, connection, null);
                        }
                    });
            this.serverChannel = bootstrap.bind(config.bindHost(), config.port()).syncUninterruptibly().channel();
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            EventLoops.shutdown(boss);
            EventLoops.shutdown(workers);
            throw new TransportException("Node " + config.nodeName() + " cannot listen on " + config.bindHost() + ":" + config.port()
                    + ": " + e.getMessage() + " (is another node on that port? pick another port, or 0 for any free one)", e);
        }
        LOG.info("Node {} listening on {}{}", config.nodeName(), serverChannel.localAddress(), ssl != null ? " (TLS 1.3, mutual auth)" : "");
    }

    /**
     * Binds and starts listening.
     *
     * @throws TransportException when the address cannot be bound or the TLS material is unusable
     */
    public static TransportServer start(TransportConfig config, PeerListener listener) {
        return new TransportServer(Objects.requireNonNull(config, "config"), Objects.requireNonNull(listener, "listener"));
    }

    /** The bound port (the OS-chosen one when configured with port 0). */
    public int port() {
        return localAddress().getPort();
    }

    /** The bound address. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** This server's configuration. */
    public TransportConfig config() {
        return config;
    }

    /** The accepted connections still open (authenticated or still in the handshake). */
    public Set<PeerConnection> connections() {
        return Set.copyOf(connections);
    }

    /** Stops listening, closes every connection and stops the event-loop threads; waits for them. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        serverChannel.close().awaitUninterruptibly();
        PeerConnection.closeAll(connections, config.nodeName());
        EventLoops.shutdown(boss);
        EventLoops.shutdown(workers);
        LOG.info("Node {} stopped listening", config.nodeName());
    }

    static SslContext sslContext(TransportConfig config) {
        if (config.tls() == null) {
            return null;
        }
        try {
            return config.tls().serverContext();
        } catch (SSLException | RuntimeException e) {
            throw new TransportException("Node " + config.nodeName() + ": unusable TLS material: " + e.getMessage(), e);
        }
    }
}
