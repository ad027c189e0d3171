package io.procmobility.registry;

import io.procmobility.process.Pid;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's records and the rules that change them, in one deterministic place: given the same
 * sequence of writes, every copy of a table ends in the same state. {@link SingleNodeRegistry} uses
 * one directly; a replicated registry applies the same writes, in the same order, to one table per
 * node.
 *
 * <p>Writes are serialized (synchronized) and throw {@link RegistryException}s that say why they
 * were refused; a refused write changes nothing. Reads are lock-free and may run on any thread
 * concurrently with writes.
 *
 * <p>Records:
 * <ul>
 *   <li>owners: pid → (node, epoch), see {@link ClusterRegistry#claim};
 *   <li>names: name → (pid, node that registered it); one name per pid;
 *   <li>nodes marked down, with a membership version per node so that a stale report
 *       (an older view) never overrides a newer one.
 * </ul>
 */
public final class RegistryTable {
    private static final int FORMAT = 1;
    /** Upper bound on record counts read from a snapshot: a corrupt count fails instead of allocating. */
    private static final int MAX_RECORDS = 50_000_000;

    private record Owner(String node, long epoch) {
    }

    private record NameEntry(Pid pid, String registeredBy) {
    }

    private final Map<Pid, Owner> owners = new ConcurrentHashMap<>();
    private final Map<String, NameEntry> names = new ConcurrentHashMap<>();
    private final Map<Pid, String> nameOfPid = new ConcurrentHashMap<>();
    private final Map<String, NodeDown> downNodes = new ConcurrentHashMap<>();
    private final Map<String, Long> membershipVersions = new ConcurrentHashMap<>();

    // ---------------------------------------------------------------- writes

    /** See {@link ClusterRegistry#claim}: the same rules, applied here. */
    public synchronized void claim(Pid pid, String node, long epoch) {
        Objects.requireNonNull(pid, "pid");
        requireName(node, "node");
        NodeDown down = downNodes.get(node);
        if (down != null) {
            throw new NodeDownException("claim of process " + pid + " for node " + node + " at epoch " + epoch
                    + " refused: node " + node + " " + down.describe() + "; pick a node that is up", down);
        }
        Owner current = owners.get(pid);
        if (current != null && !(epoch > current.epoch || epoch == current.epoch && node.equals(current.node))) {
            throw new StaleEpochException("claim", pid, node, epoch, current.node, current.epoch);
        }
        owners.put(pid, new Owner(node, epoch));
    }

    /** See {@link ClusterRegistry#release}: removes the owner record and the pid's name. */
    public synchronized void release(Pid pid, long epoch) {
        Objects.requireNonNull(pid, "pid");
        Owner current = owners.get(pid);
        if (current != null && epoch < current.epoch) {
            throw new StaleEpochException("release", pid, null, epoch, current.node, current.epoch);
        }
        owners.remove(pid);
        String name = nameOfPid.remove(pid);
        if (name != null) {
            names.remove(name);
        }
    }

    /** See {@link ClusterRegistry#registerName}; {@code byNode} is the node that asked. */
    public synchronized void registerName(String name, Pid pid, String byNode) {
        requireName(name, "process name");
        Objects.requireNonNull(pid, "pid");
        requireName(byNode, "node");
        NameEntry holder = names.get(name);
        if (holder != null) {
            if (holder.pid.equals(pid)) {
                return; // already ours: a retried registration
            }
            throw new NameTakenException(name, pid, holder.pid, nodeOf(holder));
        }
        String existing = nameOfPid.get(pid);
        if (existing != null) {
            throw new RegistryException("cannot register '" + name + "' for process " + pid + ": it is already"
                    + " registered as '" + existing + "'; unregister that name first (one name per process)");
        }
        NodeDown down = downNodes.get(byNode);
        if (down != null) {
            throw new NodeDownException("cannot register '" + name + "' from node " + byNode + ": that node "
                    + down.describe(), down);
        }
        names.put(name, new NameEntry(pid, byNode));
        nameOfPid.put(pid, name);
    }

    /**
     * Releases {@code name} if {@code holder} holds it; true when it did. Naming the holder makes a
     * repeated unregistration harmless: it cannot remove a later registration of the same name.
     */
    public synchronized boolean unregisterName(String name, Pid holder) {
        NameEntry current = names.get(name);
        return current != null && current.pid.equals(holder) && removeName(name);
    }

    private boolean removeName(String name) {
        NameEntry holder = names.remove(name);
        if (holder == null) {
            return false;
        }
        nameOfPid.remove(holder.pid, name);
        return true;
    }

    /**
     * Marks {@code down.node()} down and releases every name held by a process on it (by its owner
     * record, or by the node that registered it when the pid has no owner record). Ignored when a
     * report with a higher {@code membershipVersion} was already applied for that node.
     *
     * @return the names released, sorted
     */
    public synchronized List<String> nodeDown(NodeDown down, long membershipVersion) {
        Objects.requireNonNull(down, "down");
        if (!newer(down.node(), membershipVersion)) {
            return List.of();
        }
        downNodes.put(down.node(), down);
        List<String> released = new ArrayList<>();
        names.forEach((name, holder) -> {
            if (down.node().equals(nodeOf(holder))) {
                released.add(name);
            }
        });
        released.sort(null);
        for (String name : released) {
            removeName(name);
        }
        return released;
    }

    /**
     * Marks {@code node} up (it joined or came back). Ignored when a report with a higher
     * {@code membershipVersion} was already applied for that node.
     *
     * @return true when the node was marked down before
     */
    public synchronized boolean nodeUp(String node, long membershipVersion) {
        requireName(node, "node");
        if (!newer(node, membershipVersion)) {
            return false;
        }
        return downNodes.remove(node) != null;
    }

    private boolean newer(String node, long membershipVersion) {
        Long applied = membershipVersions.get(node);
        if (applied != null && membershipVersion < applied) {
            return false;
        }
        membershipVersions.put(node, membershipVersion);
        return true;
    }

    // ---------------------------------------------------------------- reads

    /** The owner record of {@code pid}, with its node's down record if the node is down. */
    public Optional<Location> locate(Pid pid) {
        Owner owner = owners.get(pid);
        return owner == null ? Optional.empty() : Optional.of(new Location(pid, owner.node, owner.epoch, downNodes.get(owner.node)));
    }

    /** The pid registered under {@code name}. */
    public Optional<Pid> whereis(String name) {
        NameEntry holder = names.get(name);
        return holder == null ? Optional.empty() : Optional.of(holder.pid);
    }

    /** The name {@code pid} holds. */
    public Optional<String> nameOf(Pid pid) {
        return Optional.ofNullable(nameOfPid.get(pid));
    }

    /** Why {@code node} is down, if it is marked down. */
    public Optional<NodeDown> nodeDown(String node) {
        return Optional.ofNullable(downNodes.get(node));
    }

    /**
     * Nodes reported up and not down since: the nodes whose departure must be reported with
     * {@link #nodeDown(NodeDown, long)}.
     */
    public Set<String> nodesUp() {
        Set<String> up = new TreeSet<>(membershipVersions.keySet());
        up.removeAll(downNodes.keySet());
        return up;
    }

    /** Number of owner records. */
    public int ownerCount() {
        return owners.size();
    }

    /** Number of registered names. */
    public int nameCount() {
        return names.size();
    }

    private String nodeOf(NameEntry holder) {
        Owner owner = owners.get(holder.pid);
        return owner != null ? owner.node : holder.registeredBy;
    }

    private static void requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a " + what + " must not be blank");
        }
    }

    // ---------------------------------------------------------------- snapshots

    /**
     * Writes every record, in a canonical order (equal tables write equal bytes), as an explicit
     * binary format (no Java serialization).
     */
    public synchronized void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        Map<Pid, Owner> sortedOwners = new TreeMap<>(owners);
        out.writeInt(sortedOwners.size());
        for (Map.Entry<Pid, Owner> e : sortedOwners.entrySet()) {
            writePid(out, e.getKey());
            out.writeUTF(e.getValue().node);
            out.writeLong(e.getValue().epoch);
        }
        Map<String, NameEntry> sortedNames = new TreeMap<>(names);
        out.writeInt(sortedNames.size());
        for (Map.Entry<String, NameEntry> e : sortedNames.entrySet()) {
            out.writeUTF(e.getKey());
            writePid(out, e.getValue().pid);
            out.writeUTF(e.getValue().registeredBy);
        }
        Map<String, NodeDown> sortedDown = new TreeMap<>(downNodes);
        out.writeInt(sortedDown.size());
        for (NodeDown d : sortedDown.values()) {
            out.writeUTF(d.node());
            out.writeByte(d.reason().ordinal());
            out.writeUTF(d.detail());
            out.writeLong(d.at().toEpochMilli());
        }
        Map<String, Long> sortedVersions = new TreeMap<>(membershipVersions);
        out.writeInt(sortedVersions.size());
        for (Map.Entry<String, Long> e : sortedVersions.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue());
        }
    }

    /**
     * Replaces every record with those read from {@code in} (written by {@link #writeTo}).
     *
     * @throws IOException when the input is not such a snapshot; the table is then left unchanged
     */
    public synchronized void readFrom(DataInput in) throws IOException {
        int format = in.readUnsignedByte();
        if (format != FORMAT) {
            throw new IOException("registry snapshot has format " + format + ", this version reads format " + FORMAT
                    + "; every node of a cluster must run the same procmobility version");
        }
        Map<Pid, Owner> newOwners = new TreeMap<>();
        for (int i = count(in, "owner records"); i > 0; i--) {
            newOwners.put(readPid(in), new Owner(in.readUTF(), in.readLong()));
        }
        Map<String, NameEntry> newNames = new TreeMap<>();
        for (int i = count(in, "names"); i > 0; i--) {
            newNames.put(in.readUTF(), new NameEntry(readPid(in), in.readUTF()));
        }
        Map<String, NodeDown> newDown = new TreeMap<>();
        LeaveReason[] reasons = LeaveReason.values();
        for (int i = count(in, "down nodes"); i > 0; i--) {
            String node = in.readUTF();
            int reason = in.readUnsignedByte();
            if (reason >= reasons.length) {
                throw new IOException("registry snapshot: unknown leave reason " + reason + " for node " + node);
            }
            newDown.put(node, new NodeDown(node, reasons[reason], in.readUTF(), Instant.ofEpochMilli(in.readLong())));
        }
        Map<String, Long> newVersions = new TreeMap<>();
        for (int i = count(in, "membership versions"); i > 0; i--) {
            newVersions.put(in.readUTF(), in.readLong());
        }
        owners.clear();
        owners.putAll(newOwners);
        names.clear();
        names.putAll(newNames);
        nameOfPid.clear();
        newNames.forEach((name, holder) -> nameOfPid.put(holder.pid, name));
        downNodes.clear();
        downNodes.putAll(newDown);
        membershipVersions.clear();
        membershipVersions.putAll(newVersions);
    }

    private static int count(DataInput in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_RECORDS) {
            throw new IOException("registry snapshot: " + n + " " + what + " is out of range (0.." + MAX_RECORDS + ")");
        }
        return n;
    }

    /** Writes a pid as its two longs. */
    public static void writePid(DataOutput out, Pid pid) throws IOException {
        out.writeLong(pid.incarnation());
        out.writeLong(pid.serial());
    }

    /** Reads a pid written by {@link #writePid}. */
    public static Pid readPid(DataInput in) throws IOException {
        return new Pid(in.readLong(), in.readLong());
    }
}
