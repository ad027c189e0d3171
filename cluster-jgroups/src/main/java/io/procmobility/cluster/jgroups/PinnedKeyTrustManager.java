package io.procmobility.cluster.jgroups;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one public key, the one derived from the cluster's secret
 * ({@link ClusterCredentials}): a peer's certificate must carry it, in either direction (a member
 * accepting a connection, or dialing one). TLS 1.3 then makes the peer prove that it holds the
 * matching private key, which only a holder of the secret can derive. No CA, no dates, no host
 * names: the key is the identity.
 */
final class PinnedKeyTrustManager extends X509ExtendedTrustManager {
    /** Start of the message of every refusal, so that logs can tell a wrong secret from other TLS failures. */
    static final String REFUSAL = "its TLS certificate does not carry the key derived from the secret of cluster ";
    /** What every refusal of a peer holding another secret says, whichever side noticed first. */
    static final String OTHER_SECRET = "it does not hold this cluster's secret (it has another one, or belongs to another cluster)";

    private final String clusterName;
    private final byte[] pinned;
    private final X509Certificate own;

    PinnedKeyTrustManager(String clusterName, PublicKey pinned, X509Certificate own) {
        this.clusterName = clusterName;
        this.pinned = pinned.getEncoded();
        this.own = own;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the peer sent no certificate: it is not a member of cluster " + clusterName);
        }
        if (!MessageDigest.isEqual(pinned, chain[0].getPublicKey().getEncoded())) {
            throw new CertificateException(REFUSAL + clusterName + ": " + OTHER_SECRET);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    /** The own certificate's subject is what a member asks its peers for (TLS certificate_authorities). */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] {own};
    }
}
