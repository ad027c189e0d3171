package io.procmobility.cluster.jgroups;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a node joins its cluster: the cluster's name, this node's name, the cluster's voting members
 * (their names; a write needs a majority of them), where to find the others (seed addresses,
 * static discovery, no multicast), and the timings of joining and failure detection.
 *
 * <p>The defaults are tuned for a LAN or loopback: a first member is up in about half a second and a
 * killed member is detected in about one second (a closed failure-detection socket is noticed at
 * once and confirmed within {@link Builder#verifySuspectTimeout}; a silent member is suspected after
 * {@link Builder#heartbeatTimeout}).
 *
 * <pre>{@code
 * JGroupsClusterConfig config = JGroupsClusterConfig.builder("shop", "a")
 *         .members("a", "b", "c")
 *         .bindPort(7800)
 *         .seeds("127.0.0.1:7800", "127.0.0.1:7801", "127.0.0.1:7802")
 *         .secret(cookie)          // the same on every member: TLS and join proofs (see SECURITY.md)
 *         .build();
 * }</pre>
 */
public final class JGroupsClusterConfig {
    private final String clusterName;
    private final String nodeName;
    private final List<String> members;
    private final InetAddress bindAddress;
    private final int bindPort;
    private final List<InetSocketAddress> seeds;
    private final Duration joinTimeout;
    private final Duration heartbeatInterval;
    private final Duration heartbeatTimeout;
    private final Duration verifySuspectTimeout;
    private final Duration mergeInterval;
    private final Duration writeTimeout;
    private final boolean faultInjection;
    private final String endpoint;
    private final String secret;

    private JGroupsClusterConfig(Builder b) {
        this.clusterName = b.clusterName;
        this.nodeName = b.nodeName;
        this.members = List.copyOf(b.members);
        this.bindAddress = b.bindAddress;
        this.bindPort = b.bindPort;
        this.seeds = List.copyOf(b.seeds);
        this.joinTimeout = b.joinTimeout;
        this.heartbeatInterval = b.heartbeatInterval;
        this.heartbeatTimeout = b.heartbeatTimeout;
        this.verifySuspectTimeout = b.verifySuspectTimeout;
        this.mergeInterval = b.mergeInterval;
        this.writeTimeout = b.writeTimeout;
        this.faultInjection = b.faultInjection;
        this.endpoint = b.endpoint;
        this.secret = b.secret;
    }

    /** Starts a configuration for node {@code nodeName} of cluster {@code clusterName}. */
    public static Builder builder(String clusterName, String nodeName) {
        return new Builder(clusterName, nodeName);
    }

    /** The cluster's name: nodes with another cluster name never join this one. */
    public String clusterName() {
        return clusterName;
    }

    /** This node's name (its JGroups logical name and Raft id). */
    public String nodeName() {
        return nodeName;
    }

    /** The voting members' names, this node included; a write needs a majority of them. */
    public List<String> members() {
        return members;
    }

    /** A majority of {@link #members()}: how many must be reachable for a write to commit. */
    public int majority() {
        return members.size() / 2 + 1;
    }

    /** The address the transport listens on. */
    public InetAddress bindAddress() {
        return bindAddress;
    }

    /** The port the transport listens on; 0 = a free port chosen at start ({@link JGroupsCluster#address()} tells which). */
    public int bindPort() {
        return bindPort;
    }

    /** Addresses where other members may listen (static discovery). */
    public List<InetSocketAddress> seeds() {
        return seeds;
    }

    /** How long a joining node waits for an existing member to answer before founding the cluster. */
    public Duration joinTimeout() {
        return joinTimeout;
    }

    /** How often members send each other heartbeats. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** How long without a heartbeat before a member is suspected. */
    public Duration heartbeatTimeout() {
        return heartbeatTimeout;
    }

    /** How long a suspected member has to prove it is alive before it is removed. */
    public Duration verifySuspectTimeout() {
        return verifySuspectTimeout;
    }

    /** The longest interval between checks for split clusters to merge after a partition heals. */
    public Duration mergeInterval() {
        return mergeInterval;
    }

    /** How long a write may wait for a majority before it fails with {@code NoQuorumException}. */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** True when {@link JGroupsCluster#faults()} may simulate partitions (a DISCARD protocol is in the stack). */
    public boolean faultInjection() {
        return faultInjection;
    }

    /** The {@code host:port} this node advertises for node-to-node connections, or null. */
    public String endpoint() {
        return endpoint;
    }

    /**
     * True when the cluster's traffic is authenticated and encrypted (a secret was given); false only
     * when the configuration said {@link Builder#insecureWithoutSecret()}.
     */
    public boolean secured() {
        return secret != null;
    }

    /** The secret, for deriving the cluster's keys; null when insecure. Never shown. */
    String secret() {
        return secret;
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "cluster " + clusterName + ", node " + nodeName + ", members " + members + ", bind "
                + bindAddress.getHostAddress() + ":" + bindPort + ", seeds " + seeds
                + (secret != null ? ", TLS with the cluster secret" : ", INSECURE (no secret)");
    }

    /** Builds a {@link JGroupsClusterConfig}; {@link #members} and {@link #seeds} are required. */
    public static final class Builder {
        private final String clusterName;
        private final String nodeName;
        private final Set<String> members = new LinkedHashSet<>();
        private InetAddress bindAddress;
        private int bindPort;
        private final List<InetSocketAddress> seeds = new ArrayList<>();
        private Duration joinTimeout = Duration.ofMillis(500);
        private Duration heartbeatInterval = Duration.ofMillis(250);
        private Duration heartbeatTimeout = Duration.ofMillis(1500);
        private Duration verifySuspectTimeout = Duration.ofMillis(300);
        private Duration mergeInterval = Duration.ofSeconds(2);
        private Duration writeTimeout = Duration.ofSeconds(5);
        private boolean faultInjection;
        private String endpoint;
        private String secret;
        private boolean insecure;

        private Builder(String clusterName, String nodeName) {
            this.clusterName = requireName(clusterName, "cluster name");
            this.nodeName = requireName(nodeName, "node name");
            try {
                this.bindAddress = InetAddress.getByName("127.0.0.1");
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The voting members' names, this node's among them. */
        public Builder members(String... names) {
            return members(List.of(names));
        }

        /** The voting members' names, this node's among them. */
        public Builder members(List<String> names) {
            members.clear();
            for (String name : names) {
                String n = requireName(name, "member name");
                if (n.contains(",")) {
                    throw new IllegalArgumentException("member name '" + n + "' must not contain a comma");
                }
                if (!members.add(n)) {
                    throw new IllegalArgumentException("member '" + n + "' is listed twice in " + names);
                }
            }
            return this;
        }

        /** The address to listen on (default 127.0.0.1). */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * The port to listen on; 0 (the default) = a free port chosen at start (JGroups' TCP refuses
         * port 0 with static discovery, so the node picks one; others can then not list it as a seed,
         * but it joins through theirs).
         */
        public Builder bindPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("bind port " + port + " is not a TCP port (0-65535, 0 = any free port)");
            }
            this.bindPort = port;
            return this;
        }

        /** Seed addresses as {@code host:port} strings, e.g. {@code "127.0.0.1:7800"}. */
        public Builder seeds(String... hostPorts) {
            List<InetSocketAddress> parsed = new ArrayList<>();
            for (String hostPort : hostPorts) {
                parsed.add(parseHostPort(hostPort));
            }
            return seeds(parsed);
        }

        /** Seed addresses. */
        public Builder seeds(List<InetSocketAddress> addresses) {
            seeds.clear();
            seeds.addAll(addresses);
            return this;
        }

        /** See {@link JGroupsClusterConfig#joinTimeout()} (default 500 ms). */
        public Builder joinTimeout(Duration timeout) {
            this.joinTimeout = positive(timeout, "join timeout");
            return this;
        }

        /** See {@link JGroupsClusterConfig#heartbeatInterval()} (default 250 ms). */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = positive(interval, "heartbeat interval");
            return this;
        }

        /** See {@link JGroupsClusterConfig#heartbeatTimeout()} (default 1.5 s). */
        public Builder heartbeatTimeout(Duration timeout) {
            this.heartbeatTimeout = positive(timeout, "heartbeat timeout");
            return this;
        }

        /** See {@link JGroupsClusterConfig#verifySuspectTimeout()} (default 300 ms). */
        public Builder verifySuspectTimeout(Duration timeout) {
            this.verifySuspectTimeout = positive(timeout, "verify-suspect timeout");
            return this;
        }

        /** See {@link JGroupsClusterConfig#mergeInterval()} (default 2 s). */
        public Builder mergeInterval(Duration interval) {
            this.mergeInterval = positive(interval, "merge interval");
            return this;
        }

        /** See {@link JGroupsClusterConfig#writeTimeout()} (default 5 s). */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive(timeout, "write timeout");
            return this;
        }

        /**
         * The {@code host:port} where this node's transport accepts node-to-node connections,
         * advertised to the other members with its membership ({@link JGroupsCluster#endpoint(String)}).
         */
        public Builder endpoint(String hostPort) {
            InetSocketAddress parsed = parseHostPort(hostPort);
            this.endpoint = parsed.getHostString() + ":" + parsed.getPort();
            return this;
        }

        /**
         * The cluster's secret, the same on every member (the console uses the node cookie): every
         * byte between members then travels over TLS 1.3 with mutual authentication under a key
         * derived from it, and a join must prove it (see {@code SECURITY.md}). A member without it is
         * refused before JGroups reads anything it sends. At least 16 characters; use a random one.
         *
         * @throws IllegalArgumentException if it is null or shorter than 16 characters
         */
        public Builder secret(String secret) {
            if (secret == null || secret.length() < ClusterCredentials.MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException("node " + nodeName + ": the cluster secret must have at least "
                        + ClusterCredentials.MIN_SECRET_LENGTH + " characters" + (secret == null ? "" : ", not "
                        + secret.length()) + "; use a random one (the console's generated cookie file has 32)");
            }
            this.secret = secret;
            this.insecure = false;
            return this;
        }

        /**
         * Runs the cluster without a secret: any host that reaches the cluster port can join, read
         * every record and commit writes (claim processes, take names, mark nodes down). Only for an
         * isolated, trusted network; the node logs a warning at every start.
         */
        public Builder insecureWithoutSecret() {
            this.secret = null;
            this.insecure = true;
            return this;
        }

        /** Allows {@link JGroupsCluster#faults()} to simulate partitions (for tests; off by default). */
        public Builder faultInjection(boolean enabled) {
            this.faultInjection = enabled;
            return this;
        }

        /**
         * Checks the configuration.
         *
         * @throws IllegalArgumentException naming what is missing or inconsistent, and how to fix it
         */
        public JGroupsClusterConfig build() {
            if (members.isEmpty()) {
                throw new IllegalArgumentException("node " + nodeName + ": no members configured; list the voting members'"
                        + " names, e.g. .members(\"a\", \"b\", \"c\") (this node's name among them)");
            }
            if (!members.contains(nodeName)) {
                throw new IllegalArgumentException("node " + nodeName + " is not one of the configured members " + members
                        + "; add it, or start the node under one of those names");
            }
            if (seeds.isEmpty() && members.size() > 1) {
                throw new IllegalArgumentException("node " + nodeName + ": no seeds configured; give the host:port of the"
                        + " other members, e.g. .seeds(\"127.0.0.1:7800\", \"127.0.0.1:7801\")");
            }
            if (mergeInterval.toMillis() < 200) {
                throw new IllegalArgumentException("merge interval " + mergeInterval.toMillis() + " ms is too short (at least 200 ms)");
            }
            if (heartbeatTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("heartbeat timeout " + heartbeatTimeout.toMillis() + " ms must be at least"
                        + " twice the heartbeat interval (" + heartbeatInterval.toMillis() + " ms)");
            }
            if (secret == null && !insecure) {
                throw new IllegalArgumentException("node " + nodeName + ": no cluster secret; give the same one to every"
                        + " member with .secret(cookie) (at least 16 random characters; the console uses the node cookie),"
                        + " or, only on an isolated trusted network, .insecureWithoutSecret()");
            }
            return new JGroupsClusterConfig(this);
        }

        private static InetSocketAddress parseHostPort(String hostPort) {
            Objects.requireNonNull(hostPort, "seed");
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0 || colon == hostPort.length() - 1) {
                throw new IllegalArgumentException("bad seed '" + hostPort + "': expected host:port, e.g. 127.0.0.1:7800");
            }
            int port;
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad seed '" + hostPort + "': the port must be a number, e.g. 127.0.0.1:7800");
            }
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("bad seed '" + hostPort + "': port " + port + " is not a TCP port (1-65535)");
            }
            return new InetSocketAddress(hostPort.substring(0, colon).trim(), port);
        }

        private static String requireName(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a " + what + " must not be blank");
            }
            return value.trim();
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("the " + what + " must be positive, not " + d);
            }
            return d;
        }
    }
}
