package io.procmobility.cluster.jgroups;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jgroups.Address;
import org.jgroups.Event;
import org.jgroups.Message;
import org.jgroups.auth.AuthToken;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.stack.IpAddress;
import org.jgroups.util.UUID;
import org.jgroups.util.Util;

/**
 * The join proof that JGroups' {@code AUTH} protocol checks on every join and merge request (and,
 * with {@code authenticate_coord}, on the coordinator's answers): an HMAC-SHA256, under a key derived
 * from the cluster secret, of the sender's address (its UUID and node name) and the cluster's name.
 * A joiner without the secret cannot make one, and a proof is bound to the member that made it.
 *
 * <p>Inside a TLS cluster, a peer without the secret never gets this far; the proof is the second
 * lock, and the one that still requires the secret if the transport is ever trusted for another
 * reason. Unlike JGroups' {@code MD5Token}/{@code SimpleToken} (a fixed value: whoever sees it once
 * can replay it), this token is bound to the sender's identity and never shows the key.
 *
 * <p>Public only because JGroups instantiates tokens it reads from the network by their registered
 * id; not an API.
 */
public final class SecretProofToken extends AuthToken {
    /** Its JGroups magic number (custom ids start at 1024). */
    static final short MAGIC = 1905;
    private static final String LABEL = "procmobility cluster join v1";

    static {
        ClassConfigurator.addIfAbsent(MAGIC, SecretProofToken.class);
    }

    private final byte[] key;
    private final String clusterName;
    private final RefusalLog refusals;
    private byte[] proof = new byte[0];

    /** The empty token JGroups fills from the network. */
    public SecretProofToken() {
        this(null, null, null);
    }

    SecretProofToken(byte[] key, String clusterName, RefusalLog refusals) {
        this.key = key;
        this.clusterName = clusterName;
        this.refusals = refusals;
    }

    /** Registers the magic number before any channel reads a token. */
    static void register() {
        // the static initializer did it
    }

    @Override
    public String getName() {
        return SecretProofToken.class.getName();
    }

    @Override
    public int size() {
        return Util.size(proofForSending());
    }

    @Override
    public boolean authenticate(AuthToken token, Message msg) {
        Address sender = msg.getSrc();
        if (key != null && token instanceof SecretProofToken other && sender != null
                && MessageDigest.isEqual(proofFor(sender), other.proofForSending())) {
            // (a message this member sent itself is looped back unserialized: it carries this very token)
            return true;
        }
        if (refusals != null) {
            Object physical = auth == null ? null : auth.down(new Event(Event.GET_PHYSICAL_ADDRESS, sender));
            refusals.refused(physical instanceof IpAddress ip ? new InetSocketAddress(ip.getIpAddress(), ip.getPort()) : null,
                    "its join request (member " + Membership.nodeName(sender) + ") carried no valid proof of the secret"
                            + " of cluster " + clusterName);
        }
        return false;
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        Util.writeByteBuffer(proofForSending(), out);
    }

    @Override
    public void readFrom(DataInput in) throws IOException {
        byte[] read = Util.readByteBuffer(in);
        proof = read == null ? new byte[0] : read;
    }

    private byte[] proofForSending() {
        return key != null && auth != null && auth.getAddress() != null ? proofFor(auth.getAddress()) : proof;
    }

    private byte[] proofFor(Address member) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(LABEL.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(clusterName.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            if (member instanceof UUID uuid) {
                mac.update(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                        .putLong(uuid.getLeastSignificantBits()).array());
            } else {
                mac.update(String.valueOf(member).getBytes(StandardCharsets.UTF_8));
            }
            mac.update((byte) 0);
            return mac.doFinal(Membership.nodeName(member).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e); // mandatory on every Java platform
        }
    }

    @Override
    public String toString() {
        return "SecretProofToken"; // never the proof
    }
}
