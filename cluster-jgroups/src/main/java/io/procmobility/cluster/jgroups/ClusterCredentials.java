package io.procmobility.cluster.jgroups;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Date;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Curve;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * What a member derives from its cluster's secret: a TLS identity (a P-256 key pair and a
 * self-signed certificate for it) that every member holding the secret derives identically, and a
 * key for the join proof of {@link SecretProofToken}.
 *
 * <p>The secret goes through HKDF-SHA256 with the cluster's name as salt, so the same cookie gives
 * unrelated keys in two clusters, and each use (TLS, join proof) gets its own key. The TLS trust is
 * a pinned public key: a peer is accepted only if its certificate carries the key derived from the
 * secret, and TLS 1.3 makes it prove it holds the private key. Nothing is written to disk: the key
 * store is built in memory with a random password.
 *
 * <p>Why HKDF and not a slow password hash: the secret is the node cookie, which is random (the
 * console generates 192 bits) and must be at least {@value #MIN_SECRET_LENGTH} characters; a slow
 * hash would cost every node start hundreds of milliseconds in a cold JVM. A guessable secret can be
 * tested offline by anyone who completes a TLS handshake far enough to see a member's certificate, as
 * it can with any challenge-response over it: choose a random one.
 */
final class ClusterCredentials {
    /** The shortest secret a cluster accepts. */
    static final int MIN_SECRET_LENGTH = 16;
    private static final String CURVE = "secp256r1";
    private static final X500Name SUBJECT = new X500Name("CN=procmobility cluster member");

    private final SSLContext sslContext;
    private final byte[] joinKey;

    private ClusterCredentials(SSLContext sslContext, byte[] joinKey) {
        this.sslContext = sslContext;
        this.joinKey = joinKey;
    }

    /**
     * Derives the credentials of cluster {@code clusterName} from {@code secret}.
     *
     * @throws IllegalArgumentException if the secret is shorter than {@value #MIN_SECRET_LENGTH} characters
     */
    static ClusterCredentials derive(String clusterName, String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the cluster secret of cluster " + clusterName + " has " + secret.length()
                    + " characters; it needs at least " + MIN_SECRET_LENGTH + " (a random one: the console's generated"
                    + " cookie file has 32)");
        }
        byte[] ikm = secret.getBytes(StandardCharsets.UTF_8);
        byte[] salt = ("procmobility cluster v1 " + clusterName).getBytes(StandardCharsets.UTF_8);
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(CURVE));
            ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
            // 64 bytes reduced mod n-1, plus 1: a uniformly distributed private scalar in [1, n-1] (FIPS 186-4 B.4.1).
            BigInteger n = spec.getOrder();
            BigInteger d = new BigInteger(1, hkdf(ikm, salt, "tls key", 64)).mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
            // The JDK has no public point multiplication; Bouncy Castle's P-256 does it (its named-curve tables,
            // which take a cold JVM a few hundred ms more to load, are not needed).
            ECPoint g = new SecP256R1Curve().createPoint(spec.getGenerator().getAffineX(), spec.getGenerator().getAffineY());
            ECPoint q = new FixedPointCombMultiplier().multiply(g, d).normalize();

            KeyFactory keys = KeyFactory.getInstance("EC");
            PrivateKey privateKey = keys.generatePrivate(new ECPrivateKeySpec(d, spec));
            PublicKey publicKey = keys.generatePublic(new ECPublicKeySpec(
                    new java.security.spec.ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()), spec));

            X509Certificate certificate = selfSigned(privateKey, publicKey);
            char[] password = randomPassword();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("member", privateKey, password, new Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, password);

            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keyManagers.getKeyManagers(), new TrustManager[] {new PinnedKeyTrustManager(clusterName, publicKey, certificate)},
                    new SecureRandom());
            return new ClusterCredentials(context, hkdf(ikm, salt, "join proof", 32));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot derive the TLS identity of cluster " + clusterName + ": " + e, e);
        }
    }

    /** TLS 1.3, with this cluster's identity as key and as the only trusted peer key. */
    SSLContext sslContext() {
        return sslContext;
    }

    /** The key of the join proof ({@link SecretProofToken}). */
    byte[] joinKey() {
        return joinKey.clone();
    }

    private static X509Certificate selfSigned(PrivateKey privateKey, PublicKey publicKey)
            throws GeneralSecurityException, OperatorCreationException {
        // The dates do not matter to the pinned-key trust manager; RFC 5280 4.1.2.5 "no expiration" for notAfter.
        Date notBefore = Date.from(Instant.parse("2020-01-01T00:00:00Z"));
        Date notAfter = Date.from(Instant.parse("9999-12-31T23:59:59Z"));
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(SUBJECT, BigInteger.ONE, notBefore, notAfter,
                SUBJECT, publicKey);
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(privateKey)));
    }

    private static char[] randomPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random).toCharArray();
    }

    private static byte[] hkdf(byte[] ikm, byte[] salt, String info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, salt, ("procmobility " + info).getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }
}
