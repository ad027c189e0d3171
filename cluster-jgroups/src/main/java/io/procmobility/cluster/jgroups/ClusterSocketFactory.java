package io.procmobility.cluster.jgroups;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.DatagramSocket;
import java.net.MulticastSocket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.jgroups.util.DefaultSocketFactory;

/**
 * The sockets of a member's JGroups transport: TLS 1.3 both ways, the peer's certificate always
 * required and checked (mutual authentication), and a listening socket that hands JGroups only
 * authenticated connections ({@link HandshakingServerSocket}). Datagram and multicast sockets are
 * refused: the stack uses none (no UDP, no diagnostics), and one opened by mistake would be an
 * unauthenticated door.
 */
final class ClusterSocketFactory extends DefaultSocketFactory {
    /** How long a connecting peer has to complete its TLS handshake. */
    static final int HANDSHAKE_TIMEOUT_MILLIS = 2_000;
    private static final String[] PROTOCOLS = {"TLSv1.3"};

    private final RefusalLog refusals;

    ClusterSocketFactory(SSLContext context, RefusalLog refusals) {
        super(context);
        this.refusals = refusals;
        SSLParameters server = context.getDefaultSSLParameters();
        server.setProtocols(PROTOCOLS);
        server.setNeedClientAuth(true);
        setServerSocketConfigurator(s -> ((SSLServerSocket) s).setSSLParameters(server));
        SSLParameters client = context.getDefaultSSLParameters();
        client.setProtocols(PROTOCOLS);
        setSocketConfigurator(s -> ((SSLSocket) s).setSSLParameters(client));
    }

    @Override
    public ServerSocket createServerSocket(String service) throws IOException {
        return handshaking(super.createServerSocket(service));
    }

    @Override
    public ServerSocket createServerSocket(String service, int port) throws IOException {
        return handshaking(super.createServerSocket(service, port));
    }

    @Override
    public ServerSocket createServerSocket(String service, int port, int backlog) throws IOException {
        return handshaking(super.createServerSocket(service, port, backlog));
    }

    @Override
    public ServerSocket createServerSocket(String service, int port, int backlog, InetAddress bindAddress) throws IOException {
        return handshaking(super.createServerSocket(service, port, backlog, bindAddress));
    }

    private ServerSocket handshaking(ServerSocket tls) throws IOException {
        return new HandshakingServerSocket((SSLServerSocket) tls, HANDSHAKE_TIMEOUT_MILLIS, refusals);
    }

    @Override
    public DatagramSocket createDatagramSocket(String service) throws SocketException {
        throw refusedUdp(service);
    }

    @Override
    public DatagramSocket createDatagramSocket(String service, SocketAddress bindAddress) throws SocketException {
        throw refusedUdp(service);
    }

    @Override
    public DatagramSocket createDatagramSocket(String service, int port) throws SocketException {
        throw refusedUdp(service);
    }

    @Override
    public DatagramSocket createDatagramSocket(String service, int port, InetAddress bindAddress) throws SocketException {
        throw refusedUdp(service);
    }

    @Override
    public MulticastSocket createMulticastSocket(String service) throws IOException {
        throw refusedUdp(service);
    }

    @Override
    public MulticastSocket createMulticastSocket(String service, int port) throws IOException {
        throw refusedUdp(service);
    }

    @Override
    public MulticastSocket createMulticastSocket(String service, SocketAddress bindAddress) throws IOException {
        throw refusedUdp(service);
    }

    private static SocketException refusedUdp(String service) {
        return new SocketException("the cluster stack opens no UDP socket (asked for '" + service + "'): UDP traffic"
                + " would be neither encrypted nor authenticated");
    }

    @Override
    public String toString() {
        return "TLSv1.3 with client authentication";
    }
}
