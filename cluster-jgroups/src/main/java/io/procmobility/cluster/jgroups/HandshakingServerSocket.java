package io.procmobility.cluster.jgroups;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster transport's listening socket: {@link #accept()} returns only connections whose TLS
 * handshake completed, with the peer's certificate checked ({@link PinnedKeyTrustManager}). A peer
 * that fails it — no TLS, no certificate, another cluster's key, silence past the handshake timeout —
 * is closed and logged through {@link RefusalLog} with its address, and JGroups never reads a byte
 * from it: JGroups parses message headers (and instantiates classes they name) before any protocol
 * of the stack sees them, so nothing from an unauthenticated peer may reach it.
 *
 * <p>A delegating {@link ServerSocket}: JGroups' {@code TcpServer} binds, accepts, closes and asks
 * for the port; those calls go to the wrapped {@link SSLServerSocket}.
 */
final class HandshakingServerSocket extends ServerSocket {
    private static final Logger LOG = LoggerFactory.getLogger(HandshakingServerSocket.class);
    private final SSLServerSocket delegate;
    private final int handshakeTimeoutMillis;
    private final RefusalLog refusals;

    HandshakingServerSocket(SSLServerSocket delegate, int handshakeTimeoutMillis, RefusalLog refusals) throws IOException {
        this.delegate = delegate;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.refusals = refusals;
    }

    @Override
    public Socket accept() throws IOException {
        while (true) {
            SSLSocket socket = (SSLSocket) delegate.accept();
            try {
                socket.setSoTimeout(handshakeTimeoutMillis);
                socket.startHandshake();
                socket.setSoTimeout(0);
                return socket;
            } catch (IOException failed) {
                InetSocketAddress from = (InetSocketAddress) socket.getRemoteSocketAddress();
                String refusal = refusal(failed);
                if (refusal != null) {
                    refusals.refused(from, refusal);
                } else {
                    LOG.debug("a cluster peer at {} went away during its TLS handshake: {}", from, failed.toString());
                }
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a failed socket: nothing left to do
                }
            }
        }
    }

    /**
     * Why a handshake failure is a refusal, as "it ..." for the log; null when the peer merely went
     * away (closed or reset mid-handshake: members do that when two of them dial each other at once
     * and one connection is dropped, or when they stop).
     */
    static String refusal(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateException && t.getMessage() != null) {
                return t.getMessage();
            }
            if (t instanceof SocketTimeoutException) {
                return "it did not complete the TLS handshake within " + ClusterSocketFactory.HANDSHAKE_TIMEOUT_MILLIS
                        + " ms (a silent or half-open connection)";
            }
        }
        String message = String.valueOf(failure.getMessage());
        if (message.contains("nrecognized SSL message") || message.contains("plaintext")) {
            return "it does not speak TLS: a member started without the cluster secret (insecure mode), or not a cluster"
                    + " member at all";
        }
        if (message.contains("fatal alert") && message.contains("certificate")) {
            // TLS 1.3: the dialing peer checks this member's certificate first; one derived from another secret aborts here
            return "it refused this member's TLS certificate (" + message + "): " + PinnedKeyTrustManager.OTHER_SECRET;
        }
        if (message.contains("certificate")) {
            return "it sent no certificate (" + message + "): it does not hold this cluster's secret";
        }
        return null;
    }

    @Override
    public void bind(SocketAddress endpoint) throws IOException {
        delegate.bind(endpoint);
    }

    @Override
    public void bind(SocketAddress endpoint, int backlog) throws IOException {
        delegate.bind(endpoint, backlog);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
        super.close();
    }

    @Override
    public boolean isClosed() {
        return delegate.isClosed();
    }

    @Override
    public boolean isBound() {
        return delegate.isBound();
    }

    @Override
    public InetAddress getInetAddress() {
        return delegate.getInetAddress();
    }

    @Override
    public int getLocalPort() {
        return delegate.getLocalPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return delegate.getLocalSocketAddress();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        delegate.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws IOException {
        return delegate.getSoTimeout();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        delegate.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return delegate.getReuseAddress();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        delegate.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return delegate.getReceiveBufferSize();
    }

    @Override
    public String toString() {
        return "TLS " + delegate;
    }
}
