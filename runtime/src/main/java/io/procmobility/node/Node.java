package io.procmobility.node;

import io.procmobility.process.Down;
import io.procmobility.process.ExitReason;
import io.procmobility.process.MonitorRef;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.process.RemoteRouter;
import io.procmobility.transport.PeerConnection;
import io.procmobility.transport.PeerListener;
import io.procmobility.transport.TransportClient;
import io.procmobility.transport.TransportConfig;
import io.procmobility.transport.TransportServer;
import io.procmobility.transport.WireMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM's place in a network of nodes: a process runtime plus an authenticated transport. A
 * message sent to a pid that does not live here goes to the node where the pid was born (known
 * from the pid's incarnation, exchanged right after each handshake). Migration, forwarding and
 * redirects build on this (next steps of the nodes issue).
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final String name;
    private final ProcessRuntime runtime;
    private final TransportServer server;
    private final TransportClient client;
    private final Map<String, PeerConnection> peers = new ConcurrentHashMap<>();
    private final Map<Long, String> nodeByIncarnation = new ConcurrentHashMap<>();
    private final Map<PeerConnection, CompletableFuture<String>> greetings = new ConcurrentHashMap<>();
    private final ByPeer<MonitorRef, RemoteMonitor> remoteMonitors = new ByPeer<>();
    private final ByPeer<RemoteLink, RemoteLink> remoteLinks = new ByPeer<>();

    /** A monitor a local process holds on a process of another node. */
    private record RemoteMonitor(MonitorRef ref, Pid watcher, Pid target) {
    }

    /** A link between a local process and a process of another node. */
    private record RemoteLink(Pid local, Pid remote) {
    }

    private Node(TransportConfig transport, ProcessRuntimeConfig processes) {
        this.name = transport.nodeName();
        this.runtime = ProcessRuntime.start(processes);
        PeerListener listener = new Listener();
        try {
            this.server = TransportServer.start(transport, listener);
        } catch (RuntimeException e) {
            runtime.close(); // e.g. the port is taken: leave no carrier threads behind
            throw e;
        }
        this.client = new TransportClient(transport, listener);
        runtime.routeRemote(new Router());
    }

    /** Starts a node: its process runtime and its listening socket ({@code transport.port()}, 0 = any free port). */
    public static Node start(TransportConfig transport, ProcessRuntimeConfig processes) {
        return new Node(transport, processes);
    }

    /** This node's name. */
    public String name() {
        return name;
    }

    /** The port this node listens on. */
    public int port() {
        return server.port();
    }

    /** The node's processes. */
    public ProcessRuntime runtime() {
        return runtime;
    }

    /** Names of the nodes connected to this one (either direction). */
    public Set<String> connectedNodes() {
        return Set.copyOf(peers.keySet());
    }

    /**
     * Connects to the node listening on {@code host:port} and waits until both sides know each
     * other; returns the peer's node name.
     *
     * @throws TimeoutException when the handshake and greeting take longer than {@code timeout}
     */
    public String connect(String host, int port, Duration timeout) throws TimeoutException, InterruptedException {
        PeerConnection connection = client.connect(host, port);
        CompletableFuture<String> greeted = greetings.computeIfAbsent(connection, c -> new CompletableFuture<>());
        // A refused handshake (wrong cookie, version) fails the connect at once, with the transport's reason.
        connection.handshake().whenComplete((ok, failure) -> {
            if (failure != null) {
                greeted.completeExceptionally(failure);
            }
        });
        try {
            return greeted.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot connect node " + name + " to " + host + ":" + port + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            connection.close();
            throw new TimeoutException("node " + name + " could not reach " + host + ":" + port + " within "
                    + timeout.toMillis() + " ms (" + connection.closeReason() + ")");
        }
    }

    private PeerConnection connectionTo(Pid pid) {
        String home = nodeByIncarnation.get(pid.incarnation());
        PeerConnection connection = home == null ? null : peers.get(home);
        return connection != null && connection.isActive() ? connection : null;
    }

    /** Carries messages and monitors for pids born on other nodes to those nodes. */
    private final class Router implements RemoteRouter {
        @Override
        public boolean route(Pid to, Object message) {
            PeerConnection connection = connectionTo(to);
            if (connection == null) {
                return false;
            }
            connection.send(new WireMessage.Deliver(to, null, message));
            return true;
        }

        @Override
        public boolean monitor(Pid watcher, Pid target, MonitorRef ref) {
            String home = nodeByIncarnation.get(target.incarnation());
            if (home == null) {
                return false;
            }
            PeerConnection connection = connectionTo(target);
            if (connection == null) {
                runtime.send(watcher, new Down(ref, target, ExitReason.NOCONNECTION));
                return true;
            }
            remoteMonitors.put(home, ref, new RemoteMonitor(ref, watcher, target));
            connection.send(new WireMessage.Monitor(watcher, target, ref));
            return true;
        }

        @Override
        public void demonitor(Pid target, MonitorRef ref) {
            PeerConnection connection = connectionTo(target);
            String home = nodeByIncarnation.get(target.incarnation());
            if (home != null) {
                remoteMonitors.remove(home, ref);
            }
            if (connection != null) {
                connection.send(new WireMessage.Demonitor(target, ref));
            }
        }

        @Override
        public boolean link(Pid local, Pid remote) {
            String home = nodeByIncarnation.get(remote.incarnation());
            if (home == null) {
                return false;
            }
            PeerConnection connection = connectionTo(remote);
            if (connection == null) {
                runtime.exitSignal(local, remote, ExitReason.NOCONNECTION);
                return true;
            }
            remoteLinks.put(home, new RemoteLink(local, remote), new RemoteLink(local, remote));
            connection.send(new WireMessage.Link(local, remote));
            return true;
        }

        @Override
        public void unlink(Pid local, Pid remote) {
            String home = nodeByIncarnation.get(remote.incarnation());
            if (home != null) {
                remoteLinks.remove(home, new RemoteLink(local, remote));
            }
            PeerConnection connection = connectionTo(remote);
            if (connection != null) {
                connection.send(new WireMessage.Unlink(local, remote));
            }
        }

        @Override
        public boolean exitSignal(Pid to, Pid from, ExitReason reason) {
            PeerConnection connection = connectionTo(to);
            if (connection == null) {
                return false;
            }
            remoteLinks.remove(connection.remoteNodeName(), new RemoteLink(from, to));
            connection.send(new WireMessage.ExitSignal(to, from, reason));
            return true;
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
        runtime.close();
    }

    @Override
    public String toString() {
        return "Node[" + name + " on port " + port() + "]";
    }

    /** Transport events: greet every new peer, learn who it is, deliver its messages. */
    private final class Listener implements PeerListener {
        @Override
        public void onConnected(PeerConnection connection) {
            connection.send(new WireMessage.NodeHello(name, runtime.incarnation()));
        }

        @Override
        public void onMessage(PeerConnection connection, WireMessage message) {
            if (message instanceof WireMessage.Deliver deliver) {
                if (deliver.payload() instanceof Down down) {
                    remoteMonitors.remove(connection.remoteNodeName(), down.ref());
                }
                runtime.send(deliver.to(), deliver.payload());
            } else if (message instanceof WireMessage.Monitor monitor) {
                runtime.acceptMonitor(monitor.watcher(), monitor.target(), monitor.ref());
            } else if (message instanceof WireMessage.Demonitor demonitor) {
                runtime.removeMonitor(demonitor.target(), demonitor.ref());
            } else if (message instanceof WireMessage.Link link) {
                remoteLinks.put(connection.remoteNodeName(), new RemoteLink(link.to(), link.from()),
                        new RemoteLink(link.to(), link.from()));
                runtime.acceptLink(link.to(), link.from());
            } else if (message instanceof WireMessage.Unlink unlink) {
                remoteLinks.remove(connection.remoteNodeName(), new RemoteLink(unlink.to(), unlink.from()));
                runtime.removeLink(unlink.to(), unlink.from());
            } else if (message instanceof WireMessage.ExitSignal signal) {
                remoteLinks.remove(connection.remoteNodeName(), new RemoteLink(signal.to(), signal.from()));
                runtime.exitSignal(signal.to(), signal.from(), signal.reason());
            } else if (message instanceof WireMessage.NodeHello hello) {
                greeted(connection, hello);
            } else if (message instanceof WireMessage.Ping ping) {
                connection.send(new WireMessage.Pong(ping.id()));
            }
        }

        @Override
        public void onClosed(PeerConnection connection, String reason) {
            String peer = connection.remoteNodeName();
            if (peer != null && peers.remove(peer, connection)) {
                LOG.info("node {}: peer {} disconnected ({})", name, peer, reason);
                // Every monitor on a process over there fires now: we can no longer know when it ends.
                remoteMonitors.takeAll(peer).forEach(m -> runtime.send(m.watcher(), new Down(m.ref(), m.target(),
                        ExitReason.NOCONNECTION)));
                remoteLinks.takeAll(peer).forEach(l -> runtime.exitSignal(l.local(), l.remote(), ExitReason.NOCONNECTION));
            }
            CompletableFuture<String> greeted = greetings.remove(connection);
            if (greeted != null) {
                greeted.completeExceptionally(new IllegalStateException("connection closed: " + reason));
            }
        }

        private void greeted(PeerConnection connection, WireMessage.NodeHello hello) {
            if (!hello.node().equals(connection.remoteNodeName())) {
                LOG.warn("node {}: peer {} at {} greeted as '{}'; closing", name, connection.remoteNodeName(),
                        connection.remoteAddress(), hello.node());
                connection.close();
                return;
            }
            peers.put(hello.node(), connection);
            nodeByIncarnation.put(hello.incarnation(), hello.node());
            greetings.computeIfAbsent(connection, c -> new CompletableFuture<>()).complete(hello.node());
        }
    }
}
