package io.procmobility.cluster.jgroups;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TLS handshake of the cluster's identity with itself, in memory (two {@link SSLEngine}s, no
 * socket), run while a node starts: the first handshake in a JVM loads and initializes most of JSSE,
 * which costs a cold JVM several hundred milliseconds. Done ahead, a joining member's first real
 * handshakes are quick enough for the discovery answers to arrive within the join timeout (else it
 * founds a cluster of its own and merges seconds later). Best effort: a failure is only logged.
 */
final class TlsWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(TlsWarmUp.class);
    /** Far more rounds than a TLS 1.3 handshake needs (about four); a bound, not a timing. */
    private static final int MAX_ROUNDS = 64;

    private TlsWarmUp() {
    }

    /** Runs the handshake; true when both sides finished it. */
    static boolean handshake(SSLContext context) {
        try {
            SSLEngine client = context.createSSLEngine("procmobility-warm-up", 0);
            client.setUseClientMode(true);
            SSLEngine server = context.createSSLEngine();
            server.setUseClientMode(false);
            server.setNeedClientAuth(true);
            int packet = client.getSession().getPacketBufferSize();
            int application = client.getSession().getApplicationBufferSize();
            ByteBuffer toServer = ByteBuffer.allocate(packet);
            ByteBuffer toClient = ByteBuffer.allocate(packet);
            ByteBuffer clientApp = ByteBuffer.allocate(application);
            ByteBuffer serverApp = ByteBuffer.allocate(application);
            ByteBuffer nothing = ByteBuffer.allocate(0);
            client.beginHandshake();
            server.beginHandshake();
            for (int round = 0; round < MAX_ROUNDS && !(done(client) && done(server)); round++) {
                client.wrap(nothing, toServer);
                runTasks(client);
                server.wrap(nothing, toClient);
                runTasks(server);
                toServer.flip();
                server.unwrap(toServer, serverApp);
                toServer.compact();
                runTasks(server);
                toClient.flip();
                client.unwrap(toClient, clientApp);
                toClient.compact();
                runTasks(client);
            }
            return done(client) && done(server);
        } catch (SSLException | RuntimeException e) {
            LOG.debug("the TLS warm-up handshake failed (harmless: the first real one will be slower): {}", e.toString());
            return false;
        }
    }

    private static boolean done(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
    }

    private static void runTasks(SSLEngine engine) {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
    }
}
