package io.procmobility.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proves knowledge of the cluster cookie without sending it: each side answers the other's fresh
 * random nonce with HMAC-SHA256(cookie, transcript).
 *
 * <p>The transcript binds the role (a client proof can never be replayed as a server proof, so a
 * peer cannot reflect our own challenge back at us), the protocol version, both node names and
 * both nonces (a proof is good for this one connection only). The client proves first, so a
 * listening node never hands a MAC to a peer that has not proven the cookie itself.
 */
final class CookieAuth {
    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    CookieAuth(byte[] cookie) {
        this.key = new SecretKeySpec(cookie, ALGORITHM);
    }

    static byte[] nonce() {
        byte[] nonce = new byte[Handshake.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** The MAC the client sends (PROOF). */
    byte[] clientProof(String clientName, String serverName, byte[] clientNonce, byte[] serverNonce) {
        return mac("procmobility client proof", clientName, serverName, clientNonce, serverNonce);
    }

    /** The MAC the server sends (ACCEPT). */
    byte[] serverProof(String clientName, String serverName, byte[] clientNonce, byte[] serverNonce) {
        return mac("procmobility server proof", clientName, serverName, clientNonce, serverNonce);
    }

    /** Constant-time comparison: the time taken says nothing about how many bytes matched. */
    static boolean matches(byte[] expected, byte[] received) {
        return MessageDigest.isEqual(expected, received);
    }

    private byte[] mac(String role, String clientName, String serverName, byte[] clientNonce, byte[] serverNonce) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(field(role.getBytes(StandardCharsets.US_ASCII)));
            mac.update(ByteBuffer.allocate(2).putShort((short) Handshake.PROTOCOL_VERSION).array());
            mac.update(field(clientName.getBytes(StandardCharsets.US_ASCII)));
            mac.update(field(serverName.getBytes(StandardCharsets.US_ASCII)));
            mac.update(field(clientNonce));
            mac.update(field(serverNonce));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory on every Java platform.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Length-prefixed so that ("ab","c") and ("a","bc") give different transcripts. */
    private static byte[] field(byte[] bytes) {
        return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
    }
}
