package io.procmobility.cluster.jgroups;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The cluster secret of the tests: random for each test JVM, handed to member JVMs through the
 * environment (never on a command line, where {@code ps} would show it).
 */
final class TestSecrets {
    /** Environment variable a member JVM reads its cluster secret from. */
    static final String ENV = "PROCMOBILITY_CLUSTER_SECRET";
    /** This JVM's cluster secret. */
    static final String SECRET = random();

    private TestSecrets() {
    }

    /** A fresh random secret (another cluster's, or an attacker's guess). */
    static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The secret a member JVM was given (see {@link #ENV}). */
    static String fromEnvironment() {
        String secret = System.getenv(ENV);
        if (secret == null) {
            throw new IllegalStateException("this member JVM needs its cluster secret in " + ENV);
        }
        return secret;
    }

    /** Gives a member JVM about to start this JVM's secret. */
    static ProcessBuilder withSecret(ProcessBuilder builder) {
        builder.environment().put(ENV, SECRET);
        return builder;
    }
}
