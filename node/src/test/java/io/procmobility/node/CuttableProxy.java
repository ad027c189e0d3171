package io.procmobility.node;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 between two nodes that forwards whole frames (4-byte length prefix)
 * and can hold a direction or cut everything: the way to lose exactly the frame a test wants
 * lost (say, the COMMIT) with real sockets.
 */
final class CuttableProxy implements AutoCloseable {
    /** What a direction does with the next frames. */
    enum Gate { OPEN, PASS_ONE_THEN_HOLD, HOLD }

    /** One direction of the proxied connection. */
    static final class Direction {
        private Gate gate = Gate.OPEN;

        synchronized void set(Gate gate) {
            this.gate = gate;
            notifyAll();
        }

        /** Blocks while held; returns after letting one frame through. */
        synchronized void awaitPass() throws InterruptedException {
            while (gate == Gate.HOLD) {
                wait();
            }
            if (gate == Gate.PASS_ONE_THEN_HOLD) {
                gate = Gate.HOLD;
            }
        }
    }

    final Direction upstream = new Direction();
    final Direction downstream = new Direction();
    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    CuttableProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(target);
                pump(client, target, upstream);
                pump(target, client, downstream);
            }
        } catch (IOException closed) {
            // cut
        }
    }

    private void pump(Socket from, Socket to, Direction direction) {
        Thread t = new Thread(() -> {
            try {
                DataInputStream in = new DataInputStream(from.getInputStream());
                DataOutputStream out = new DataOutputStream(to.getOutputStream());
                while (true) {
                    int length = in.readInt();
                    byte[] frame = in.readNBytes(length);
                    direction.awaitPass();
                    out.writeInt(length);
                    out.write(frame);
                    out.flush();
                }
            } catch (IOException | InterruptedException ended) {
                cut();
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Closes both connections at once, dropping whatever is held: each node sees its peer go away. */
    void cut() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        upstream.set(Gate.OPEN);
        downstream.set(Gate.OPEN);
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
