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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * <p>Handshakes run in parallel on threads of their own, so that silent connections delay nobody
 * else: each holds a thread for at most the handshake timeout. At most {@value #MAX_PER_ADDRESS}
 * handshakes per source address and {@value #MAX_HANDSHAKES} in all run at once; a connection beyond
 * that is closed at once and logged. JGroups' accepting thread only collects finished handshakes.
 *
 * <p>A delegating {@link ServerSocket}: JGroups' {@code TcpServer} binds, accepts, closes and asks
 * for the port; those calls go to the wrapped {@link SSLServerSocket}.
 */
final class HandshakingServerSocket extends ServerSocket {
    private static final Logger LOG = LoggerFactory.getLogger(HandshakingServerSocket.class);
    /** Concurrent handshakes from one source address; more are refused until one finishes. */
    static final int MAX_PER_ADDRESS = 8;
    /** Concurrent handshakes in all. */
    static final int MAX_HANDSHAKES = 64;
    /** Pause after a failed accept() (e.g. out of file descriptors), so that the loop does not spin. */
    private static final long ACCEPT_FAILURE_PAUSE_MILLIS = 50;

    private final SSLServerSocket delegate;
    private final int handshakeTimeoutMillis;
    private final RefusalLog refusals;
    private final BlockingQueue<Socket> authenticated = new ArrayBlockingQueue<>(MAX_HANDSHAKES);
    private final Map<InetAddress, Integer> inFlight = new HashMap<>();
    private volatile ExecutorService handshakers;
    private volatile Thread acceptor;

    HandshakingServerSocket(SSLServerSocket delegate, int handshakeTimeoutMillis, RefusalLog refusals) throws IOException {
        this.delegate = delegate;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.refusals = refusals;
    }

    /** The next peer that completed its TLS handshake; blocks until one did, or the socket closes. */
    @Override
    public Socket accept() throws IOException {
        startAccepting();
        try {
            while (true) {
                Socket next = authenticated.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    return next;
                }
                if (isClosed()) {
                    throw new SocketException("Socket is closed");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SocketException("interrupted while accepting");
        }
    }

    private synchronized void startAccepting() {
        if (acceptor != null) {
            return;
        }
        String port = Integer.toString(delegate.getLocalPort());
        handshakers = new ThreadPoolExecutor(0, MAX_HANDSHAKES, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "procmobility-cluster-tls-handshake-" + port);
            t.setDaemon(true);
            return t;
        });
        acceptor = new Thread(this::acceptLoop, "procmobility-cluster-tls-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!delegate.isClosed()) {
            SSLSocket socket;
            try {
                socket = (SSLSocket) delegate.accept();
            } catch (IOException closedOrFailed) {
                if (!delegate.isClosed()) {
                    LOG.debug("accepting a cluster connection failed: {}", closedOrFailed.toString());
                    pause();
                }
                continue;
            }
            InetSocketAddress from = (InetSocketAddress) socket.getRemoteSocketAddress();
            String busy = reserve(from.getAddress());
            if (busy != null) {
                refusals.refused(from, busy);
                closeQuietly(socket);
                continue;
            }
            try {
                handshakers.execute(() -> handshake(socket, from));
            } catch (RejectedExecutionException closing) {
                release(from.getAddress());
                closeQuietly(socket);
            }
        }
    }

    /** Counts a handshake from {@code source} in; null if it may run, else why not. */
    private synchronized String reserve(InetAddress source) {
        int fromSource = inFlight.getOrDefault(source, 0);
        int total = inFlight.values().stream().mapToInt(Integer::intValue).sum();
        if (fromSource >= MAX_PER_ADDRESS) {
            return "it opened more than " + MAX_PER_ADDRESS + " connections at once that have not completed their TLS"
                    + " handshake (a flood of unauthenticated connections)";
        }
        if (total >= MAX_HANDSHAKES) {
            return "it arrived while " + MAX_HANDSHAKES + " TLS handshakes were under way (too many unauthenticated"
                    + " connections at once)";
        }
        inFlight.put(source, fromSource + 1);
        return null;
    }

    private synchronized void release(InetAddress source) {
        inFlight.computeIfPresent(source, (address, count) -> count > 1 ? count - 1 : null);
    }

    private static void pause() {
        try {
            Thread.sleep(ACCEPT_FAILURE_PAUSE_MILLIS); // a back-off, not a synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handshake(SSLSocket socket, InetSocketAddress from) {
        try {
            socket.setSoTimeout(handshakeTimeoutMillis);
            socket.startHandshake();
            socket.setSoTimeout(0);
            if (!authenticated.offer(socket, handshakeTimeoutMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("a cluster peer at {} completed its handshake but was not taken up in time; closing it",
                        socket.getRemoteSocketAddress());
                closeQuietly(socket);
            }
        } catch (IOException failed) {
            String refusal = refusal(failed);
            if (refusal != null) {
                refusals.refused(from, refusal);
            } else {
                LOG.debug("a cluster peer at {} went away during its TLS handshake: {}", from, failed.toString());
            }
            closeQuietly(socket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(socket);
        } finally {
            release(from.getAddress());
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a refused socket: nothing left to do
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
        ExecutorService pool = handshakers;
        if (pool != null) {
            pool.shutdownNow();
        }
        for (Socket waiting = authenticated.poll(); waiting != null; waiting = authenticated.poll()) {
            closeQuietly(waiting);
        }
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
