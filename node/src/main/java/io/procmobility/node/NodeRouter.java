package io.procmobility.node;

import io.procmobility.process.Down;
import io.procmobility.process.ExitReason;
import io.procmobility.process.MonitorRef;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.RemoteRouter;
import io.procmobility.transport.WireMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries messages, monitors, links and exit signals for pids that do not live on this node:
 * to where the node last learned the process lives (its forwarding pointer or a redirect; in a
 * cluster, the registry's owner record when its epoch is higher), else to the node where the pid
 * was born. A node that forwards tells the sender's node where to go instead, so locations heal
 * after a migration and messages take one hop. In a cluster, a message for a process whose node is
 * marked down is dropped (counted, and logged with the reason), and a monitor or link on such a
 * process fires {@code nodedown} at once.
 */
final class NodeRouter implements RemoteRouter {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRouter.class);
    /** Forwarding more often than this means locations disagree in a loop: drop and say so. */
    static final int MAX_HOPS = 16;

    /** A monitor a local process holds on a process of another node. */
    record RemoteMonitor(MonitorRef ref, Pid watcher, Pid target) {
    }

    /** A link between a local process and a process of another node. */
    record RemoteLink(Pid local, Pid remote) {
    }

    private final String self;
    private final ProcessRuntime runtime;
    private final Peers peers;
    private final Locations locations;
    private final NodeCluster cluster;
    private final ArrivalBuffer arrivals;
    private final DownDrops downDrops;
    final ByPeer<MonitorRef, RemoteMonitor> remoteMonitors = new ByPeer<>();
    final ByPeer<RemoteLink, RemoteLink> remoteLinks = new ByPeer<>();

    NodeRouter(String self, ProcessRuntime runtime, Peers peers, Locations locations, NodeCluster cluster, ArrivalBuffer arrivals) {
        this.self = self;
        this.runtime = runtime;
        this.peers = peers;
        this.locations = locations;
        this.cluster = cluster;
        this.arrivals = arrivals;
        this.downDrops = new DownDrops(self);
    }

    /** Where a process that is not here lives, as far as this node knows, and the epoch that says so (-1: its birth). */
    private record Route(String node, long epoch) {
    }

    private Route routeFor(Pid pid) {
        Locations.Location known = locations.get(pid);
        io.procmobility.registry.Location owner = cluster.owner(pid);
        if (owner != null && !owner.node().equals(self) && (known == null || owner.epoch() > known.epoch())) {
            return new Route(owner.node(), owner.epoch()); // the registry knows of a later move than we do
        }
        if (known != null) {
            return new Route(known.node(), known.epoch());
        }
        String born = peers.nodeOf(pid.incarnation());
        if (born == null) {
            born = cluster.bornOn(pid.incarnation());
        }
        return born == null ? null : new Route(born, -1);
    }

    /** The node to send to for {@code pid}, or null when none is known (or it is this one). */
    String nodeFor(Pid pid) {
        Route route = routeFor(pid);
        return route == null || route.node().equals(self) ? null : route.node();
    }

    @Override
    public boolean route(Pid to, long stream, long seq, Object message) {
        return forward(new WireMessage.Deliver(to, stream, seq, 0, message), null);
    }

    /**
     * True when {@code node} is marked down: the message for {@code pid} cannot go there. Logged
     * (in {@link DownDrops}) when {@code report}: a message from another node comes back through
     * {@link #route} once refused here, and is reported there.
     */
    private boolean downFor(Pid pid, String node, boolean report) {
        io.procmobility.registry.NodeDown down = cluster.down(node);
        if (down == null) {
            return false;
        }
        if (report) {
            downDrops.dropped(pid, node, down);
        }
        return true;
    }

    /**
     * Sends a message for a process that is not here on towards it; {@code from} is the node it
     * came from (told where to send next time), null when it was sent here.
     */
    boolean forward(WireMessage.Deliver deliver, String from) {
        Pid to = deliver.to();
        if (arrivals.hold(to, deliver.stream(), deliver.seq(), deliver.payload())) {
            return true; // accepted here, not started yet: it gets the message once the move commits
        }
        if (runtime.isLocal(to)) {
            // It arrived while we looked (the caller saw it elsewhere a moment ago).
            runtime.deliverNumbered(to, deliver.stream(), deliver.seq(), deliver.payload());
            return true;
        }
        Route route = routeFor(to);
        String node = route == null || route.node().equals(self) ? null : route.node();
        if (node == null) {
            return false;
        }
        if (downFor(to, node, from == null)) {
            return false;
        }
        if (deliver.hops() >= MAX_HOPS) {
            LOG.warn("node {}: dropping a message for {} forwarded {} times (locations disagree; next hop would be node {})",
                    self, to, deliver.hops(), node);
            return false;
        }
        if (from != null && route.epoch() >= 0 && !from.equals(node)) {
            NodeAddress address = peers.address(node);
            peers.send(from, new WireMessage.Redirect(to, node, route.epoch(),
                    address == null ? "" : address.host(), address == null ? 0 : address.port()));
        }
        return peers.send(viaConnected(deliver.to(), node), new WireMessage.Deliver(deliver.to(), deliver.stream(), deliver.seq(),
                deliver.hops() + 1, deliver.payload()));
    }

    /**
     * {@code node} when a connection to it is up; while one is being opened (a place learned from a
     * redirect), the pid's birth node when that one is connected: it forwards, and the numbering
     * keeps the order when the direct path takes over.
     */
    private String viaConnected(Pid pid, String node) {
        if (peers.isConnected(node)) {
            return node;
        }
        peers.ensureConnecting(node);
        String home = peers.nodeOf(pid.incarnation());
        return home != null && !home.equals(self) && !home.equals(node) && peers.isConnected(home) ? home : node;
    }

    /** Passes a monitor, link or exit signal for a process that moved on to where it went; false when it did not move. */
    boolean forwardIfMoved(Pid target, WireMessage message) {
        if (runtime.isAlive(target) || locations.get(target) == null) {
            return false;
        }
        String node = nodeFor(target);
        return node != null && peers.send(node, message);
    }

    /**
     * Tells the nodes of {@code contacts} (processes linked to or watching {@code pid}) that it now
     * lives on {@code node}, so their monitors and links follow it.
     */
    void tellContacts(java.util.Set<Pid> contacts, WireMessage.Redirect redirect) {
        java.util.Set<String> told = new java.util.HashSet<>();
        for (Pid contact : contacts) {
            String contactNode = runtime.isLocal(contact) ? null : nodeFor(contact);
            if (contactNode != null && !contactNode.equals(redirect.node()) && told.add(contactNode)) {
                peers.send(contactNode, redirect);
            }
        }
    }

    /** A redirect: {@code pid} lives on {@code node} since {@code epoch}. */
    void learned(WireMessage.Redirect redirect) {
        if (redirect.node().equals(self) || runtime.isAlive(redirect.pid())) {
            return;
        }
        if (!redirect.host().isEmpty() && redirect.port() > 0) {
            peers.learn(new NodeAddress(redirect.node(), redirect.host(), redirect.port()));
        }
        if (locations.update(redirect.pid(), redirect.node(), redirect.epoch())) {
            // Monitors and links on it now depend on the node it lives on, not the one it left.
            Pid moved = redirect.pid();
            boolean watched = remoteMonitors.rehome(m -> m.target().equals(moved), redirect.node())
                    | remoteLinks.rehome(l -> l.remote().equals(moved), redirect.node());
            if (watched && !peers.isConnected(redirect.node())) {
                peers.send(redirect.node(), new WireMessage.Ping(0)); // a connection to watch: its loss is noconnection
            }
        }
    }

    @Override
    public boolean monitor(Pid watcher, Pid target, MonitorRef ref) {
        String node = nodeFor(target);
        if (node == null) {
            return false;
        }
        if (cluster.down(node) != null) {
            runtime.send(watcher, new Down(ref, target, ExitReason.NODEDOWN)); // its node is gone: Erlang says so at once
            return true;
        }
        remoteMonitors.put(node, ref, new RemoteMonitor(ref, watcher, target));
        if (!peers.send(node, new WireMessage.Monitor(watcher, target, ref))) {
            remoteMonitors.remove(node, ref);
            runtime.send(watcher, new Down(ref, target, ExitReason.NOCONNECTION));
        }
        return true;
    }

    @Override
    public void demonitor(Pid target, MonitorRef ref) {
        String node = nodeFor(target);
        if (node != null) {
            remoteMonitors.remove(node, ref);
            peers.send(node, new WireMessage.Demonitor(target, ref));
        }
    }

    @Override
    public boolean link(Pid local, Pid remote) {
        String node = nodeFor(remote);
        if (node == null) {
            return false;
        }
        if (cluster.down(node) != null) {
            runtime.exitSignal(local, remote, ExitReason.NODEDOWN);
            return true;
        }
        RemoteLink link = new RemoteLink(local, remote);
        remoteLinks.put(node, link, link);
        if (!peers.send(node, new WireMessage.Link(local, remote))) {
            remoteLinks.remove(node, link);
            runtime.exitSignal(local, remote, ExitReason.NOCONNECTION);
        }
        return true;
    }

    @Override
    public void unlink(Pid local, Pid remote) {
        String node = nodeFor(remote);
        if (node != null) {
            remoteLinks.remove(node, new RemoteLink(local, remote));
            peers.send(node, new WireMessage.Unlink(local, remote));
        }
    }

    @Override
    public boolean exitSignal(Pid to, Pid from, ExitReason reason) {
        String node = nodeFor(to);
        if (node == null) {
            return false;
        }
        remoteLinks.remove(node, new RemoteLink(from, to));
        return peers.send(node, new WireMessage.ExitSignal(to, from, reason));
    }

    /**
     * Node {@code node} went away: monitors on its processes fire and links break, with
     * {@code reason} ({@code noconnection} when its connection dropped, {@code nodedown} when the
     * cluster's failure detection removed it). In a cluster this includes processes the registry
     * places there even if this node had filed them elsewhere.
     */
    void nodeDown(String node, ExitReason reason) {
        java.util.List<RemoteMonitor> monitors = new java.util.ArrayList<>(remoteMonitors.takeAll(node));
        java.util.List<RemoteLink> links = new java.util.ArrayList<>(remoteLinks.takeAll(node));
        if (cluster.enabled()) {
            monitors.addAll(remoteMonitors.takeWhere(m -> node.equals(nodeFor(m.target()))));
            links.addAll(remoteLinks.takeWhere(l -> node.equals(nodeFor(l.remote()))));
        }
        monitors.forEach(m -> runtime.send(m.watcher(), new Down(m.ref(), m.target(), reason)));
        links.forEach(l -> runtime.exitSignal(l.local(), l.remote(), reason));
    }
}
