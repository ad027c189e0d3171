package io.procmobility.transport;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A hand-driven peer over a plain socket: sends exactly the bytes a test wants, including a
 * correct handshake followed by hostile frames.
 */
final class RawPeer implements Closeable {
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    RawPeer(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void sendFrame(byte[] body) throws IOException {
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    byte[] readFrame() throws IOException {
        int length = in.readInt();
        byte[] body = new byte[length];
        in.readFully(body);
        return body;
    }

    /** True when the peer closed the socket (end of stream) within the socket timeout, skipping anything it still sends. */
    boolean closedByPeer() throws IOException {
        try {
            while (in.read() >= 0) {
                // drain, e.g. a REFUSE frame
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset
        }
    }

    static byte[] hello(int version, String name, byte[] nonce) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(1 + 4 + 2 + 1 + n.length + nonce.length)
                .put((byte) Handshake.HELLO).put(Handshake.MAGIC).putShort((short) version).put((byte) n.length).put(n).put(nonce)
                .array();
    }

    /** Runs a correct client handshake as {@code name} with {@code cookie}; returns once ACCEPT is verified. */
    void handshake(String name, byte[] cookie) throws IOException {
        byte[] nonce = CookieAuth.nonce();
        sendFrame(hello(Handshake.PROTOCOL_VERSION, name, nonce));
        byte[] challenge = readFrame();
        if (challenge[0] != Handshake.CHALLENGE) {
            throw new IOException("expected CHALLENGE, got " + Arrays.toString(challenge));
        }
        int nameLength = challenge[7] & 0xff;
        String server = new String(challenge, 8, nameLength, StandardCharsets.US_ASCII);
        byte[] serverNonce = Arrays.copyOfRange(challenge, 8 + nameLength, challenge.length);
        CookieAuth auth = new CookieAuth(cookie);
        byte[] proof = auth.clientProof(name, server, nonce, serverNonce);
        sendFrame(ByteBuffer.allocate(1 + proof.length).put((byte) Handshake.PROOF).put(proof).array());
        byte[] accept = readFrame();
        byte[] expected = auth.serverProof(name, server, nonce, serverNonce);
        if (accept[0] != Handshake.ACCEPT || !Arrays.equals(Arrays.copyOfRange(accept, 1, accept.length), expected)) {
            throw new EOFException("server did not accept");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
