package io.procmobility.transport;

import io.procmobility.serial.SerialAllowlist;
import io.procmobility.serial.SerialLimits;
import io.procmobility.serial.WireSerializer.Registration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a {@link TransportServer} or {@link TransportClient} needs: who this node is, where to
 * listen, the cluster cookie, the limits applied to what peers send, and optional TLS material.
 * Immutable; build one with {@link #builder(String, String)}.
 *
 * <pre>{@code
 * TransportConfig config = TransportConfig.builder("node-a", cookie)
 *         .port(0)                                   // ephemeral; read it back from the server
 *         .allowlist(SerialAllowlist.builder().allowPackage("com.acme.**").build())
 *         .build();
 * }</pre>
 */
public final class TransportConfig {
    /** The port a node listens on unless told otherwise (DESIGN §4). */
    public static final int DEFAULT_PORT = 1805;
    /** 16 MiB + room for the header: a continuation at {@link SerialLimits#DEFAULTS} fits. */
    public static final int DEFAULT_MAX_FRAME_BYTES = (16 << 20) + 1024;
    /** Smallest accepted {@link #maxFrameBytes()}: the handshake frames must fit. */
    public static final int MIN_MAX_FRAME_BYTES = Handshake.MAX_FRAME_BYTES;
    /** Time a peer has to complete TLS and the cookie handshake before it is disconnected. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

    /** Printable ASCII, no spaces: node names end up in log lines and must not forge them. */
    private static final Pattern NODE_NAME = Pattern.compile("[\\x21-\\x7e]{1," + Handshake.MAX_NAME_BYTES + "}");

    private final String nodeName;
    private final String bindHost;
    private final int port;
    private final byte[] cookie;
    private final int maxFrameBytes;
    private final Duration handshakeTimeout;
    private final TlsMaterial tls;
    private final SerialAllowlist allowlist;
    private final SerialLimits limits;
    private final ClassLoader classLoader;
    private final int ioThreads;
    private final List<Registration> wireTypes;

    private TransportConfig(Builder b) {
        this.nodeName = b.nodeName;
        this.bindHost = b.bindHost;
        this.port = b.port;
        this.cookie = b.cookie.clone();
        this.maxFrameBytes = b.maxFrameBytes;
        this.handshakeTimeout = b.handshakeTimeout;
        this.tls = b.tls;
        this.allowlist = b.allowlist;
        this.limits = b.limits;
        this.classLoader = b.classLoader;
        this.ioThreads = b.ioThreads;
        this.wireTypes = List.of();
    }

    private TransportConfig(TransportConfig base, List<Registration> wireTypes) {
        this.nodeName = base.nodeName;
        this.bindHost = base.bindHost;
        this.port = base.port;
        this.cookie = base.cookie;
        this.maxFrameBytes = base.maxFrameBytes;
        this.handshakeTimeout = base.handshakeTimeout;
        this.tls = base.tls;
        this.allowlist = base.allowlist;
        this.limits = base.limits;
        this.classLoader = base.classLoader;
        this.ioThreads = base.ioThreads;
        this.wireTypes = wireTypes;
    }

    /**
     * A builder for node {@code nodeName} in the cluster whose shared secret is {@code cookie}
     * (UTF-8 bytes of the string; use at least 16 random characters).
     */
    public static Builder builder(String nodeName, String cookie) {
        Objects.requireNonNull(cookie, "cookie");
        return builder(nodeName, cookie.getBytes(StandardCharsets.UTF_8));
    }

    /** A builder for node {@code nodeName} with a binary cookie. */
    public static Builder builder(String nodeName, byte[] cookie) {
        return new Builder(nodeName, cookie);
    }

    /** This node's name, sent to peers during the handshake. */
    public String nodeName() {
        return nodeName;
    }

    /** The address a server binds to. */
    public String bindHost() {
        return bindHost;
    }

    /** The port a server binds to; 0 asks the OS for a free one ({@link TransportServer#port()} tells which). */
    public int port() {
        return port;
    }

    /** A copy of the cluster cookie. It never leaves this JVM: peers prove it with HMAC-SHA256. */
    public byte[] cookie() {
        return cookie.clone();
    }

    /** Largest frame accepted or sent after the handshake; a larger one closes the connection. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** How long TLS plus the cookie handshake may take. */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** TLS 1.3 with mutual authentication when not null; plain TCP otherwise. */
    public TlsMaterial tls() {
        return tls;
    }

    /** User classes that may travel inside messages. */
    public SerialAllowlist allowlist() {
        return allowlist;
    }

    /** Caps applied to message payloads (lengths, depth, size). */
    public SerialLimits limits() {
        return limits;
    }

    /** Resolves class names read from payloads. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** Event-loop threads of a server's or client's worker group. */
    public int ioThreads() {
        return ioThreads;
    }

    /**
     * This configuration, also registering {@code types}: what a layer above the transport sends
     * inside messages (the node adds the behaviours' protocol messages). The transport's own types
     * are always registered; a duplicate ID is refused when a server or client is built from the
     * result. IDs are wire format: every node must register the same types with the same IDs.
     */
    public TransportConfig withWireTypes(List<Registration> types) {
        List<Registration> all = new ArrayList<>(wireTypes);
        all.addAll(types);
        return new TransportConfig(this, List.copyOf(all));
    }

    /** Types registered by the layers above ({@link #withWireTypes}), in addition to the transport's own. */
    public List<Registration> wireTypes() {
        return wireTypes;
    }

    /** Never shows the cookie. */
    @Override
    public String toString() {
        return "TransportConfig[node=" + nodeName + ", bind=" + bindHost + ":" + port + ", maxFrameBytes=" + maxFrameBytes
                + ", handshakeTimeout=" + handshakeTimeout + ", tls=" + (tls != null) + ", limits=" + limits + "]";
    }

    /** Collects the settings; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private final String nodeName;
        private final byte[] cookie;
        private String bindHost = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private TlsMaterial tls;
        private SerialAllowlist allowlist = SerialAllowlist.none();
        private SerialLimits limits = SerialLimits.defaults();
        private ClassLoader classLoader = TransportConfig.class.getClassLoader();
        private int ioThreads = 1;

        private Builder(String nodeName, byte[] cookie) {
            this.nodeName = Objects.requireNonNull(nodeName, "nodeName");
            this.cookie = Objects.requireNonNull(cookie, "cookie").clone();
        }

        /** Address to bind to (default {@code 127.0.0.1}; {@code 0.0.0.0} for all interfaces). */
        public Builder bindHost(String host) {
            this.bindHost = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to bind to (default {@link #DEFAULT_PORT}; 0 for an ephemeral port). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Largest frame after the handshake (default {@link #DEFAULT_MAX_FRAME_BYTES}). */
        public Builder maxFrameBytes(int bytes) {
            this.maxFrameBytes = bytes;
            return this;
        }

        /** Time allowed for TLS plus the cookie handshake (default {@link #DEFAULT_HANDSHAKE_TIMEOUT}). */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Enables TLS 1.3 with mutual authentication; null for plain TCP (the default). */
        public Builder tls(TlsMaterial tls) {
            this.tls = tls;
            return this;
        }

        /** User classes that may travel (default: none). */
        public Builder allowlist(SerialAllowlist allowlist) {
            this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
            return this;
        }

        /** Caps on payloads (default {@link SerialLimits#defaults()}). */
        public Builder limits(SerialLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Class loader for class names in payloads (default: the runtime's). */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** Event-loop threads (default 1). */
        public Builder ioThreads(int threads) {
            this.ioThreads = threads;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the setting that is out of range
         */
        public TransportConfig build() {
            if (!NODE_NAME.matcher(nodeName).matches()) {
                throw new IllegalArgumentException("Node name '" + nodeName.replaceAll("[^\\x21-\\x7e]", "?")
                        + "' must be 1 to " + Handshake.MAX_NAME_BYTES + " printable ASCII characters without spaces");
            }
            if (cookie.length == 0) {
                throw new IllegalArgumentException("The cluster cookie of node " + nodeName + " is empty");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port " + port + " of node " + nodeName + " is not in 0..65535");
            }
            if (maxFrameBytes < MIN_MAX_FRAME_BYTES) {
                throw new IllegalArgumentException("maxFrameBytes " + maxFrameBytes + " of node " + nodeName
                        + " is below the minimum " + MIN_MAX_FRAME_BYTES);
            }
            if (handshakeTimeout.isZero() || handshakeTimeout.isNegative()) {
                throw new IllegalArgumentException("handshakeTimeout of node " + nodeName + " must be positive, not " + handshakeTimeout);
            }
            if (ioThreads <= 0) {
                throw new IllegalArgumentException("ioThreads of node " + nodeName + " must be positive, not " + ioThreads);
            }
            return new TransportConfig(this);
        }

        @Override
        public String toString() {
            return "TransportConfig.Builder[node=" + nodeName + ", cookie=" + (cookie.length == 0 ? "empty" : "<hidden>")
                    + ", port=" + port + "]";
        }
    }
}
