package io.procmobility.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The handshake frames, written and parsed by hand with strict lengths. Untrusted bytes must not
 * reach Kryo before the peer is authenticated, so none of this goes through a serializer.
 *
 * <pre>
 * HELLO     (client to server)  u8 1, "PMHS", u16 version, u8 n, n bytes node name, 32 bytes nonce
 * CHALLENGE (server to client)  u8 2, "PMHS", u16 version, u8 n, n bytes node name, 32 bytes nonce
 * PROOF     (client to server)  u8 3, 32 bytes HMAC-SHA256 (see {@link CookieAuth})
 * ACCEPT    (server to client)  u8 4, 32 bytes HMAC-SHA256
 * REFUSE    (either way)        u8 5, u8 reason, u16 version of the refusing side
 * </pre>
 *
 * The version comes right after the magic so that a node of another version can be told so
 * whatever the rest of its HELLO looks like.
 */
final class Handshake {
    /** Bump on any change of the handshake or of the messages' encoding. */
    static final int PROTOCOL_VERSION = 1;
    static final byte[] MAGIC = {'P', 'M', 'H', 'S'};
    static final int NONCE_BYTES = 32;
    static final int MAC_BYTES = 32;
    static final int MAX_NAME_BYTES = 255;
    /** Largest handshake frame (a HELLO with the longest name) rounded up; larger claims are refused. */
    static final int MAX_FRAME_BYTES = 512;

    static final int HELLO = 1;
    static final int CHALLENGE = 2;
    static final int PROOF = 3;
    static final int ACCEPT = 4;
    static final int REFUSE = 5;

    /** Why a peer was refused, sent in REFUSE so the other side can log something useful. */
    enum Refusal {
        BAD_VERSION(1, "protocol version mismatch"),
        BAD_COOKIE(2, "cookie proof did not verify (different cluster cookie?)"),
        MALFORMED(3, "malformed handshake frame");

        final int code;
        final String description;

        Refusal(int code, String description) {
            this.code = code;
            this.description = description;
        }

        static String describe(int code) {
            for (Refusal r : values()) {
                if (r.code == code) {
                    return r.description;
                }
            }
            return "unknown reason " + code;
        }
    }

    /** A HELLO or CHALLENGE: who the peer is and its fresh nonce. */
    record Greeting(String nodeName, byte[] nonce) {
    }

    /** A REFUSE. */
    record Refused(int reason, int version) {
    }

    /** A handshake frame that cannot be accepted; {@link #refusal} is what to answer, null to just hang up. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Refusal refusal;

        Failure(String message, Refusal refusal) {
            super(message, null, false, false);
            this.refusal = refusal;
        }
    }

    private Handshake() {
    }

    static ByteBuf greeting(ByteBufAllocator alloc, int type, int version, String nodeName, byte[] nonce) {
        byte[] name = nodeName.getBytes(StandardCharsets.US_ASCII);
        ByteBuf out = alloc.buffer(1 + MAGIC.length + 2 + 1 + name.length + nonce.length);
        out.writeByte(type).writeBytes(MAGIC).writeShort(version).writeByte(name.length).writeBytes(name).writeBytes(nonce);
        return out;
    }

    static ByteBuf mac(ByteBufAllocator alloc, int type, byte[] mac) {
        return alloc.buffer(1 + mac.length).writeByte(type).writeBytes(mac);
    }

    static ByteBuf refuse(ByteBufAllocator alloc, Refusal refusal) {
        return alloc.buffer(4).writeByte(REFUSE).writeByte(refusal.code).writeShort(PROTOCOL_VERSION);
    }

    /** The type byte of a frame; a REFUSE is returned as a failure carrying the peer's reason. */
    static int type(ByteBuf frame) throws Failure {
        if (!frame.isReadable()) {
            throw new Failure("empty handshake frame", Refusal.MALFORMED);
        }
        return frame.getUnsignedByte(frame.readerIndex());
    }

    /** Parses a HELLO or CHALLENGE ({@code expectedType}), checking magic, version and every length. */
    static Greeting parseGreeting(ByteBuf frame, int expectedType) throws Failure {
        try (DataInputStream in = new DataInputStream(new ByteBufInputStream(frame.duplicate()))) {
            int type = in.readUnsignedByte();
            if (type == REFUSE) {
                throw refusedByPeer(in);
            }
            if (type != expectedType) {
                throw new Failure("expected handshake frame type " + expectedType + " but got " + type, Refusal.MALFORMED);
            }
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                // Not a procmobility node at all: do not answer, just hang up.
                throw new Failure("not a procmobility handshake (bad magic)", null);
            }
            int version = in.readUnsignedShort();
            if (version != PROTOCOL_VERSION) {
                throw new Failure("peer speaks protocol version " + version + ", this node speaks " + PROTOCOL_VERSION,
                        Refusal.BAD_VERSION);
            }
            int nameLength = in.readUnsignedByte();
            if (nameLength == 0) {
                throw new Failure("empty node name", Refusal.MALFORMED);
            }
            byte[] name = new byte[nameLength];
            in.readFully(name);
            for (byte b : name) {
                if (b < 0x21 || b > 0x7e) {
                    throw new Failure("node name with a non-printable or non-ASCII byte", Refusal.MALFORMED);
                }
            }
            byte[] nonce = new byte[NONCE_BYTES];
            in.readFully(nonce);
            requireEnd(in);
            return new Greeting(new String(name, StandardCharsets.US_ASCII), nonce);
        } catch (EOFException e) {
            throw new Failure("truncated handshake frame of " + frame.readableBytes() + " bytes", Refusal.MALFORMED);
        } catch (IOException e) {
            throw new Failure("unreadable handshake frame: " + e.getMessage(), Refusal.MALFORMED);
        }
    }

    /** Parses a PROOF or ACCEPT ({@code expectedType}): exactly one MAC. */
    static byte[] parseMac(ByteBuf frame, int expectedType) throws Failure {
        try (DataInputStream in = new DataInputStream(new ByteBufInputStream(frame.duplicate()))) {
            int type = in.readUnsignedByte();
            if (type == REFUSE) {
                throw refusedByPeer(in);
            }
            if (type != expectedType) {
                throw new Failure("expected handshake frame type " + expectedType + " but got " + type, Refusal.MALFORMED);
            }
            byte[] mac = new byte[MAC_BYTES];
            in.readFully(mac);
            requireEnd(in);
            return mac;
        } catch (EOFException e) {
            throw new Failure("truncated handshake frame of " + frame.readableBytes() + " bytes", Refusal.MALFORMED);
        } catch (IOException e) {
            throw new Failure("unreadable handshake frame: " + e.getMessage(), Refusal.MALFORMED);
        }
    }

    private static Failure refusedByPeer(DataInputStream in) throws IOException {
        int reason = in.readUnsignedByte();
        int version = in.readUnsignedShort();
        requireEnd(in);
        String why = Refusal.describe(reason);
        if (reason == Refusal.BAD_VERSION.code) {
            why += " (peer speaks version " + version + ", this node " + PROTOCOL_VERSION + ")";
        }
        return new Failure("refused by peer: " + why, null);
    }

    private static void requireEnd(DataInputStream in) throws IOException {
        if (in.available() > 0) {
            throw new IOException(in.available() + " unexpected trailing bytes");
        }
    }
}
