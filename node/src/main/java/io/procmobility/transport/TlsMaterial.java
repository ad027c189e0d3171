package io.procmobility.transport;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * This node's TLS identity and the certificates it trusts. With it, every connection runs TLS 1.3
 * with mutual authentication: both sides present a certificate and both check the other's against
 * {@link #trusted()} (a cluster CA, or the peers' own self-signed certificates). The cookie
 * handshake then runs inside the TLS session.
 *
 * <p>Host names are not checked: nodes are identified by their certificate and the cookie, and
 * they are often reached by an IP address that their certificate does not name.
 *
 * @param privateKey       this node's private key
 * @param certificateChain this node's certificate first, then its issuers
 * @param trusted          certificates a peer's chain must lead to
 */
public record TlsMaterial(PrivateKey privateKey, List<X509Certificate> certificateChain, List<X509Certificate> trusted) {
    /** TLS 1.3 only: no downgrade to older protocol versions. */
    static final String PROTOCOL = "TLSv1.3";

    /** Copies the lists; all parts are required and the lists must not be empty. */
    public TlsMaterial {
        Objects.requireNonNull(privateKey, "privateKey");
        certificateChain = List.copyOf(certificateChain);
        trusted = List.copyOf(trusted);
        if (certificateChain.isEmpty() || trusted.isEmpty()) {
            throw new IllegalArgumentException("TLS needs this node's certificate and at least one trusted certificate");
        }
    }

    /** The context of a listening node: requires and verifies a client certificate. */
    SslContext serverContext() throws SSLException {
        return SslContextBuilder.forServer(privateKey, certificateChain)
                .trustManager(trusted)
                .clientAuth(ClientAuth.REQUIRE)
                .protocols(PROTOCOL)
                .sslProvider(SslProvider.JDK)
                .build();
    }

    /** The context of a connecting node: presents its certificate and verifies the server's. */
    SslContext clientContext() throws SSLException {
        return SslContextBuilder.forClient()
                .keyManager(privateKey, certificateChain)
                .trustManager(trusted)
                .protocols(PROTOCOL)
                .sslProvider(SslProvider.JDK)
                .endpointIdentificationAlgorithm(null)
                .build();
    }
}
