package io.procmobility.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;

import org.jgroups.Address;
import org.jgroups.EmptyMessage;
import org.jgroups.Message;
import org.jgroups.protocols.AUTH;
import org.jgroups.protocols.AuthHeader;
import org.jgroups.protocols.raft.RAFT;
import org.jgroups.util.ByteArrayDataInputStream;
import org.jgroups.util.ByteArrayDataOutputStream;
import org.jgroups.util.ExtendedUUID;
import org.jgroups.util.Util;
import org.junit.jupiter.api.Test;

/**
 * The join proof AUTH checks ({@link SecretProofToken}), as it travels: written by the joiner, read
 * back from bytes by the coordinator. Only a proof made with the cluster's key, for the very member
 * that sends it, in this cluster, passes.
 */
class SecretProofTokenTest {
    private static final String CLUSTER = "proof-test";
    private final byte[] key = ClusterCredentials.derive(CLUSTER, TestSecrets.SECRET).joinKey();
    private final Address joiner = member("b");

    @Test
    void aProofFromTheJoinerWithTheClusterKeyPasses() throws Exception {
        assertThat(coordinator(key, CLUSTER).authenticate(sent(key, CLUSTER, joiner), joinRequestFrom(joiner))).isTrue();
    }

    @Test
    void aProofMadeWithAnotherSecretFails() throws Exception {
        byte[] otherKey = ClusterCredentials.derive(CLUSTER, TestSecrets.random()).joinKey();
        assertThat(coordinator(key, CLUSTER).authenticate(sent(otherKey, CLUSTER, joiner), joinRequestFrom(joiner))).isFalse();
    }

    @Test
    void aProofOfAnotherMemberReplayedByTheJoinerFails() throws Exception {
        SecretProofToken proofOfC = sent(key, CLUSTER, member("c"));
        assertThat(coordinator(key, CLUSTER).authenticate(proofOfC, joinRequestFrom(joiner))).isFalse();
    }

    @Test
    void aProofForAnotherClusterWithTheSameCookieFails() throws Exception {
        byte[] sameCookieOtherCluster = ClusterCredentials.derive("other", TestSecrets.SECRET).joinKey();
        assertThat(coordinator(key, CLUSTER).authenticate(sent(sameCookieOtherCluster, "other", joiner), joinRequestFrom(joiner)))
                .isFalse();
    }

    @Test
    void noProofFails() throws Exception {
        assertThat(coordinator(key, CLUSTER).authenticate(new SecretProofToken(), joinRequestFrom(joiner))).isFalse();
    }

    /** The token a member with {@code key} writes into its join request, read back as the coordinator reads it. */
    private static SecretProofToken sent(byte[] key, String cluster, Address sender) throws Exception {
        AUTH auth = new AUTH().setAddress(sender);
        SecretProofToken token = new SecretProofToken(key, cluster, null);
        token.setAuth(auth);
        ByteArrayDataOutputStream out = new ByteArrayDataOutputStream();
        new AuthHeader(token).writeTo(out);
        AuthHeader read = new AuthHeader();
        read.readFrom(new ByteArrayDataInputStream(out.buffer(), 0, out.position()));
        assertThat(read.getToken()).isInstanceOf(SecretProofToken.class).isNotSameAs(token);
        return (SecretProofToken) read.getToken();
    }

    private static SecretProofToken coordinator(byte[] key, String cluster) {
        SecretProofToken token = new SecretProofToken(key, cluster, null);
        token.setAuth(new AUTH().setAddress(member("a")));
        return token;
    }

    private static Message joinRequestFrom(Address sender) {
        return new EmptyMessage().setSrc(sender);
    }

    private static Address member(String name) {
        ExtendedUUID address = ExtendedUUID.randomUUID(name);
        address.put(RAFT.raft_id_key, Util.stringToBytes(name));
        return address;
    }
}
