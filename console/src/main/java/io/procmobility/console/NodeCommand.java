package io.procmobility.console;

import io.procmobility.node.Node;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code procmobility node}: starts a node, prints {@code node <name> listening on <host>:<port>},
 * connects to the nodes given, then runs the console: interactive on a terminal, line by line
 * from stdin otherwise. The node stops when the console ends.
 */
@Command(name = "node", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start a node with an interactive console (or read commands from stdin when it is not a terminal).",
            "Commands: ps, spawn, send, call, send_me, whereis, monitor, nodes, connect, help, quit."})
final class NodeCommand implements Callable<Integer> {
    /** Environment variable naming the console's home folder (history, generated cookie). */
    static final String HOME_ENV = "PROCMOBILITY_HOME";

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "this node's name (e.g. a)")
    String name;

    @Option(names = "--port", defaultValue = "1805", paramLabel = "PORT",
            description = "port to listen on; 0 = any free port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--cookie", paramLabel = "SECRET",
            description = "cluster cookie shared by the nodes (default: $" + CookieSource.ENV + ", else HOME/cookie, created once)")
    String cookie;

    @Option(names = "--connect", paramLabel = "HOST:PORT", description = "connect to this node at start (repeatable)")
    List<String> connect = new ArrayList<>();

    @Option(names = "--cluster", paramLabel = "NAME", description = "join this cluster (JGroups; needs --members and --seeds)")
    String cluster;

    @Option(names = "--members", paramLabel = "A,B,C", split = ",",
            description = "the cluster's voting members, by node name (this one among them; a majority must be up to move or name)")
    List<String> members = new ArrayList<>();

    @Option(names = "--cluster-port", defaultValue = "7800", paramLabel = "PORT",
            description = "port for the cluster's own traffic (JGroups), not the node port (default: ${DEFAULT-VALUE}; 0 = any)")
    int clusterPort;

    @Option(names = "--seeds", paramLabel = "HOST:PORT,...", split = ",",
            description = "cluster ports of the members to find (their --cluster-port), e.g. 127.0.0.1:7800,127.0.0.1:7801")
    List<String> seeds = new ArrayList<>();

    @Option(names = "--cluster-insecure",
            description = "run the cluster WITHOUT its secret: no TLS, no authentication; anyone who reaches the cluster port"
                    + " can join, read and rewrite the registry. Only for an isolated, trusted network (default: the cookie"
                    + " is the cluster secret)")
    boolean clusterInsecure;

    @Option(names = "--allow", paramLabel = "PATTERN",
            description = "classes that may arrive from other nodes, e.g. com.acme.** (repeatable; io.procmobility.examples.** always)")
    List<String> allow = new ArrayList<>();

    @Option(names = "--carriers", defaultValue = "0", paramLabel = "N", description = "carrier threads for processes (default: one per core)")
    int carriers;

    @Option(names = "--home", paramLabel = "DIR", description = "folder for history and the generated cookie (default: $" + HOME_ENV
            + ", else ~/.procmobility)")
    Path home;

    @Option(names = "--batch", description = "read commands from stdin even on a terminal (no prompt)")
    boolean batch;

    @Option(names = "--verbose", description = "log the runtime's info messages (to stderr)")
    boolean verbose;

    private final ConsoleStreams streams;

    NodeCommand(ConsoleStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        if (verbose && System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        PrintWriter out = new PrintWriter(streams.out(), true, StandardCharsets.UTF_8);
        Node node;
        NodeSettings settings;
        try {
            settings = settings();
            node = NodeLauncher.start(settings);
        } catch (UserError e) {
            streams.err().println("error: " + e.getMessage());
            return 1;
        }
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                node.close();
            }
        };
        try {
            out.println(NodeLauncher.listeningLine(node, settings));
            streams.onNodeStarted().accept(node.name(), stop);
            String joined = NodeLauncher.clusterLine(node, settings);
            if (joined != null) {
                out.println(joined);
            }
            if (settings.cluster() != null && settings.cluster().insecure()) {
                streams.err().println("WARNING: cluster " + settings.cluster().name() + " runs without its secret"
                        + " (--cluster-insecure): its traffic is neither encrypted nor authenticated, and anyone who reaches"
                        + " cluster port " + settings.cluster().port() + " can join it and rewrite its registry");
            }
            for (HostPort peer : settings.connect()) {
                try {
                    out.println(Connector.connect(node, peer, ConsoleContext.CONNECT_TIMEOUT));
                } catch (UserError e) {
                    out.println("error: " + e.getMessage());
                }
            }
            SpawnableClasses classes = new SpawnableClasses(NodeCommand.class.getClassLoader());
            if (streams.terminal() && !batch) {
                InteractiveConsole.run(node, classes, settings.historyFile());
            } else {
                CommandTable commands = new CommandTable(new ConsoleContext(node, out, classes));
                ScriptConsole.run(new BufferedReader(new InputStreamReader(streams.in(), StandardCharsets.UTF_8)), commands);
            }
            return 0;
        } finally {
            stop.run();
        }
    }

    private NodeSettings settings() {
        Path folder = home != null ? home
                : streams.env().containsKey(HOME_ENV) ? Path.of(streams.env().get(HOME_ENV))
                : Path.of(System.getProperty("user.home"), ".procmobility");
        if (carriers < 0) {
            throw new UserError("--carriers must be at least 1 (or 0 for one per core), not " + carriers);
        }
        List<HostPort> peers = new ArrayList<>();
        for (String address : connect) {
            peers.add(HostPort.parse(address));
        }
        int threads = carriers == 0 ? Runtime.getRuntime().availableProcessors() : carriers;
        return new NodeSettings(name, bind, port, CookieSource.resolve(cookie, streams.env(), folder), peers, allow, threads, folder,
                clusterSettings());
    }

    private ClusterSettings clusterSettings() {
        if (cluster == null) {
            if (!members.isEmpty() || !seeds.isEmpty() || clusterInsecure) {
                throw new UserError("--members, --seeds and --cluster-insecure belong with --cluster NAME");
            }
            return null;
        }
        if (members.isEmpty()) {
            throw new UserError("--cluster " + cluster + " needs --members: the node names of the cluster, e.g. --members a,b,c");
        }
        if (seeds.isEmpty() && members.size() > 1) {
            throw new UserError("--cluster " + cluster + " needs --seeds: the cluster ports of its members, e.g. --seeds "
                    + "127.0.0.1:7800,127.0.0.1:7801,127.0.0.1:7802");
        }
        if (clusterPort < 0 || clusterPort > 65535) {
            throw new UserError("--cluster-port must be in 0..65535, not " + clusterPort);
        }
        List<HostPort> parsed = new ArrayList<>();
        for (String seed : seeds) {
            parsed.add(HostPort.parse(seed.trim()));
        }
        return new ClusterSettings(cluster, members.stream().map(String::trim).toList(), clusterPort, parsed, clusterInsecure);
    }
}
