package io.procmobility.cluster.jgroups;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-memory warm-up handshake completes with the cluster's identity (mutual authentication). */
class TlsWarmUpTest {
    @Test
    void theWarmUpHandshakeCompletes() {
        assertThat(TlsWarmUp.handshake(ClusterCredentials.derive("warm-up", TestSecrets.SECRET).sslContext())).isTrue();
    }
}
