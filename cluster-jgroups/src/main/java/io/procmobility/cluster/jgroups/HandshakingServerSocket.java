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
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

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
            } catch (IOException refused) {
                refusals.refused((InetSocketAddress) socket.getRemoteSocketAddress(), describe(refused));
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a refused socket: nothing left to do
                }
            }
        }
    }

    /** Why a handshake failed, as "it ..." for the log. */
    static String describe(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateException && t.getMessage() != null) {
                return t.getMessage();
            }
            if (t instanceof SocketTimeoutException) {
                return "it did not complete the TLS handshake in time (a silent or half-open connection)";
            }
        }
        String message = String.valueOf(failure.getMessage());
        if (message.contains("nrecognized SSL message") || message.contains("plaintext")) {
            return "it does not speak TLS: a member started without the cluster secret (insecure mode), or not a cluster"
                    + " member at all";
        }
        if (message.contains("certificate") || message.contains("Empty client certificate chain")) {
            return "it sent no certificate of this cluster (" + message + "): it does not hold the cluster secret";
        }
        if (failure instanceof SSLException) {
            return "its TLS handshake failed: " + message;
        }
        return "its connection failed during the TLS handshake: " + message;
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
