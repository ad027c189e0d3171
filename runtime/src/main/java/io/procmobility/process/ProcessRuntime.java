package io.procmobility.process;

import io.procmobility.behaviour.MobileProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes of one JVM (a node, later): spawns them, delivers messages, keeps names, links
 * and monitors, and runs them on a small pool of carrier threads. A process waiting for a message
 * holds no thread, so a runtime holds hundreds of thousands of them.
 *
 * <pre>{@code
 * try (ProcessRuntime runtime = ProcessRuntime.start()) {
 *     ProcessRef echo = runtime.spawn(new Echo());
 *     echo.send("hello");
 * }
 * }</pre>
 */
public final class ProcessRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessRuntime.class);

    private final long incarnation = Pid.newIncarnation();
    private final AtomicLong nextSerial = new AtomicLong();
    private final Map<Pid, LocalProcess> processes = new ConcurrentHashMap<>();
    private final Map<Pid, Endpoint> endpoints = new ConcurrentHashMap<>();
    private volatile RemoteRouter router;
    private volatile MigrationHook migrationHook;
    private volatile NameService nameService;
    private volatile ExitListener exitListener;
    private volatile String nodeName = "nonode@" + String.format("%016x", incarnation).substring(0, 8);
    private final OutboundStreams outbound = new OutboundStreams();
    private final SerializerCache serializers = new SerializerCache();
    private final NameRegistry names = new NameRegistry();
    private final RecentExits recentExits;
    private final AtomicLong dropped = new AtomicLong();
    private final Scheduler scheduler;
    private final Watchdog watchdog;
    private final int reductionBudget;
    private final long maxGapNanos;

    private ProcessRuntime(ProcessRuntimeConfig config) {
        this.recentExits = new RecentExits(config.recentExits());
        this.maxGapNanos = config.messageGapTimeout().toNanos();
        this.reductionBudget = config.reductions();
        this.scheduler = new Scheduler(this, config.carrierThreads(), this::exited);
        this.watchdog = new Watchdog(scheduler.carriers(), config.blockedWarning());
    }

    /** Starts a runtime with {@link ProcessRuntimeConfig#defaults()}. */
    public static ProcessRuntime start() {
        return start(ProcessRuntimeConfig.defaults());
    }

    /** Starts a runtime. */
    public static ProcessRuntime start(ProcessRuntimeConfig config) {
        return new ProcessRuntime(config);
    }

    /** Starts {@code code} as a new process; it runs as soon as a carrier is free. */
    public ProcessRef spawn(MobileProcess code) {
        Objects.requireNonNull(code, "code");
        LocalProcess process = new LocalProcess(new Pid(incarnation, nextSerial.incrementAndGet()), code);
        processes.put(process.pid, process);
        scheduler.enqueue(process);
        return new ProcessRef(process.pid, this);
    }

    /**
     * Opens a mailbox for code outside processes: messages to the returned endpoint's pid are
     * passed to {@code handler} on the sending thread (keep it short and non-blocking).
     */
    public Endpoint openEndpoint(java.util.function.Consumer<Object> handler) {
        Endpoint endpoint = new Endpoint(new Pid(incarnation, nextSerial.incrementAndGet()), this, Objects.requireNonNull(handler));
        endpoints.put(endpoint.pid(), endpoint);
        return endpoint;
    }

    void closeEndpoint(Endpoint endpoint) {
        endpoints.remove(endpoint.pid(), endpoint);
    }

    MonitorRef monitorFrom(Pid watcher, Pid target) {
        MonitorRef ref = MonitorRef.next(incarnation);
        LocalProcess watched = processes.get(target);
        RemoteRouter remote = router;
        if (watched == null && remote != null && remote.monitor(watcher, target, ref)) {
            return ref;
        }
        acceptMonitor(watcher, target, ref);
        return ref;
    }

    /**
     * Installs monitor {@code ref} of {@code watcher} (possibly on another node) on the local
     * process {@code target}; the watcher gets {@code Down(noproc)} at once when it is not alive.
     */
    public void acceptMonitor(Pid watcher, Pid target, MonitorRef ref) {
        LocalProcess watched = processes.get(target);
        if (watched == null || !watched.addMonitor(ref, watcher)) {
            // As in Erlang: monitoring a process that is not alive gives noproc at once.
            send(watcher, new Down(ref, target, ExitReason.NOPROC));
        }
    }

    /** A handle on {@code pid} (which may be dead). */
    public ProcessRef ref(Pid pid) {
        return new ProcessRef(pid, this);
    }

    /**
     * Sends {@code message} to {@code pid}. A message to a process that has ended is dropped and
     * counted ({@link #droppedMessages()}), as in Erlang.
     */
    public void send(Pid pid, Object message) {
        Objects.requireNonNull(message, "message (null is reserved for 'no message' after a receive timeout)");
        dispatch(pid, 0, 0, message);
    }

    /**
     * Delivers message {@code seq} of stream {@code stream} (a sending runtime's incarnation) that
     * came from another node: in stream order and exactly once when the process is here, and on
     * towards it, numbered as it came, when it is not.
     */
    public void deliverNumbered(Pid pid, long stream, long seq, Object message) {
        Objects.requireNonNull(message, "message");
        if (stream == 0 || seq <= 0) {
            throw new IllegalArgumentException("a numbered message needs a stream and a positive sequence number");
        }
        dispatch(pid, stream, seq, message);
    }

    /** {@code stream == 0}: an unnumbered send from this runtime. */
    private void dispatch(Pid pid, long stream, long seq, Object message) {
        LocalProcess process = processes.get(pid);
        if (process == null || !process.isAlive()) {
            Endpoint endpoint = endpoints.get(pid);
            if (endpoint != null) {
                endpoint.handler.accept(message);
            } else if (!routeAway(pid, stream, seq, message)) {
                // Ended here, or never known: dropped. (A process that just migrated away is routed after it.)
                dropped.incrementAndGet();
            }
            return;
        }
        if (stream == 0) {
            seq = outbound.nextIfNumbered(pid);
            stream = seq == 0 ? 0 : incarnation;
        }
        boolean added = stream == 0 ? process.mailbox.add(message) : process.mailbox.addNumbered(stream, seq, message);
        if (!added) {
            // Its mailbox closed while we looked: the process is migrating (queue it) or has just left.
            Departure departure = process.departure;
            if ((departure == null || !departure.offer(stream, seq, message)) && !routeAway(pid, stream, seq, message)) {
                dropped.incrementAndGet();
            }
            return;
        }
        if (stream != 0 && process.mailbox.hasGaps() && process.gapCheckScheduled.compareAndSet(false, true)) {
            scheduler.after(maxGapNanos, () -> skipGaps(process));
        }
        Wait wait = process.wait;
        if (wait == null || wait.wakesOnMessage()) {
            scheduler.wake(process);
        }
    }

    /** Hands a message for a pid that does not live here to the node, numbering it in this runtime's stream. */
    private boolean routeAway(Pid pid, long stream, long seq, Object message) {
        RemoteRouter remote = router;
        if (remote == null) {
            return false;
        }
        if (stream == 0) {
            return remote.route(pid, incarnation, outbound.next(pid), message);
        }
        return remote.route(pid, stream, seq, message);
    }

    /** A message has been missing too long (lost with a node that died forwarding it): deliver what came after it. */
    private void skipGaps(LocalProcess process) {
        process.gapCheckScheduled.set(false);
        if (!process.isAlive()) {
            return; // ended, or migrated with its ordering state: nothing to do here any more
        }
        long lost = process.mailbox.skipExpiredGaps(maxGapNanos);
        if (process.isAlive() && process.mailbox.hasGaps() && process.gapCheckScheduled.compareAndSet(false, true)) {
            scheduler.after(maxGapNanos, () -> skipGaps(process)); // a younger gap: look again when it is due
        }
        if (lost > 0) {
            LOG.warn("process {}: gave up waiting for {} message(s) lost in transit (missing for more than {} ms); "
                    + "delivering the later ones", process.pid, lost, maxGapNanos / 1_000_000);
            Wait wait = process.wait;
            if (wait == null || wait.wakesOnMessage()) {
                scheduler.wake(process);
            }
        }
    }

    /** Sends to the process registered as {@code name}; false (and counted as dropped) when none is. */
    public boolean send(String name, Object message) {
        Optional<Pid> pid = whereis(name);
        if (pid.isEmpty()) {
            dropped.incrementAndGet();
            return false;
        }
        send(pid.get(), message);
        return true;
    }

    /** Messages dropped because their process had ended or did not exist. */
    public long droppedMessages() {
        return dropped.get();
    }

    /**
     * Registers {@code name} for {@code pid}; unique among live processes. When the runtime's node
     * belongs to a cluster ({@link #useNameService}), the name is first claimed cluster-wide — the
     * calling thread waits for that (a replicated write, about a millisecond on a LAN) — and a name
     * held by a process anywhere in the cluster is refused with an exception naming the holder.
     */
    public void register(String name, Pid pid) {
        register(name, live(pid, "register"));
    }

    /**
     * The pid registered as {@code name}: a live process here, else (in a cluster) one registered
     * on another node, else one that migrated away from here under that name.
     */
    public Optional<Pid> whereis(String name) {
        Optional<Pid> here = names.whereisHere(name);
        if (here.isPresent()) {
            return here;
        }
        NameService service = nameService;
        return service != null ? service.whereis(name) : names.forwarding(name);
    }

    /**
     * Removes a name registered here (also one that forwards to a process that migrated away);
     * true when it was registered. In a cluster, the name of a live process here is released
     * cluster-wide too; a forwarding entry is only dropped here (the name goes with its process).
     */
    public boolean unregister(String name) {
        Optional<Pid> live = names.whereisHere(name);
        Optional<Pid> pid = live.or(() -> names.forwarding(name));
        if (pid.isEmpty() || !names.unregister(name, processes.get(pid.get()))) {
            return false;
        }
        NameService service = nameService;
        if (service != null && live.isPresent()) {
            service.released(name, pid.get());
        }
        return true;
    }

    /** The names registered here by live processes, name to pid. */
    public Map<String, Pid> registeredNames() {
        return names.live();
    }

    /**
     * Removes the local registration of {@code name} by {@code pid} without telling the cluster;
     * the node calls it when the cluster gave the name to another process while this node was cut
     * off. True when it was registered here.
     */
    public boolean forgetName(String name, Pid pid) {
        LocalProcess process = processes.get(pid);
        return process != null && names.whereisHere(name).filter(pid::equals).isPresent() && names.unregister(name, process);
    }

    /**
     * Installs the cluster's {@link NameService} (a node does this when it joins a cluster): names
     * become unique cluster-wide and {@link #whereis} finds names registered on other nodes.
     */
    public void useNameService(NameService service) {
        this.nameService = service;
    }

    /** Installs the listener told when a process ends (a node uses it to release owner records). */
    public void onExit(ExitListener listener) {
        this.exitListener = listener;
    }

    /** True when messages to {@code pid} are this runtime's to deliver: a live (or migrating) process, or an endpoint. */
    public boolean isLocal(Pid pid) {
        return isAlive(pid) || endpoints.containsKey(pid);
    }

    /** True while {@code pid} is a live process of this runtime. */
    public boolean isAlive(Pid pid) {
        LocalProcess process = processes.get(pid);
        return process != null && process.isAlive();
    }

    /** The exit reason of a process that ended here (recent ones), empty while it lives or when unknown. */
    public Optional<ExitReason> exitReason(Pid pid) {
        return recentExits.of(pid);
    }

    /**
     * Waits until {@code pid} ends and returns its reason; {@code noproc} at once when it is not a
     * live process here.
     *
     * @throws TimeoutException when it is still alive after {@code timeout}
     */
    public ExitReason awaitExit(Pid pid, Duration timeout) throws TimeoutException, InterruptedException {
        LocalProcess process = processes.get(pid);
        if (process == null) {
            return recentExits.of(pid).orElse(ExitReason.NOPROC);
        }
        try {
            return process.exit.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Sends an exit signal: a process that traps exits gets an {@link Exit} message; otherwise a
     * non-normal reason ends it at its next scheduling point. {@link ExitReason#KILLED} cannot be
     * trapped.
     */
    public void exit(Pid pid, ExitReason reason) {
        LocalProcess target = processes.get(pid);
        if (target != null) {
            signal(target, null, reason);
        }
    }

    /**
     * Freezes a suspended process into bytes (continuation, mailbox, wait, links, monitors, name);
     * on success it no longer exists here. Classes it holds must be in {@code allowlist}.
     *
     * @throws IllegalStateException when the process is not suspended right now (retry later) or not here
     * @throws io.procmobility.serial.SerializationException naming the local and frame that cannot travel;
     *     the process is then left running here as before
     */
    public byte[] freeze(Pid pid, io.procmobility.serial.SerialAllowlist allowlist) {
        LocalProcess process = live(pid, "freeze");
        if (!process.status.compareAndSet(ProcessStatus.WAITING, ProcessStatus.MIGRATING)) {
            throw new IllegalStateException("cannot freeze " + pid + ": it is " + process.status().name().toLowerCase()
                    + ", not suspended; a process can be frozen only while it waits in receive, sleep or a call");
        }
        try {
            byte[] bytes = ProcessFreezer.freeze(process, serializers, allowlist, process.epoch, process.trail).bytes();
            nameReleased(process.pid, names.released(process)); // frozen into bytes, it lives nowhere: its name is free (unlike after a migration)
            departed(process);
            return bytes;
        } catch (RuntimeException e) {
            scheduler.resumeWaiting(process);
            throw e;
        }
    }

    /**
     * Brings a frozen process to life in this runtime, with its original pid, resolving its classes
     * through {@code loader}; it resumes where it was suspended.
     */
    public ProcessRef thaw(byte[] bytes, io.procmobility.serial.SerialAllowlist allowlist, ClassLoader loader) {
        LocalProcess process = ProcessFreezer.thaw(bytes, serializers, allowlist, loader);
        arrived(process, List.of());
        return new ProcessRef(process.pid, this);
    }

    // ---- migration (the node drives the protocol; the runtime freezes, queues, installs)

    /** The name of the node this runtime belongs to ({@code nonode@<incarnation>} outside a node). */
    public String nodeName() {
        return nodeName;
    }

    /** Called once by the node that owns this runtime: processes see its name in {@link Processes#node()}. */
    public void nameNode(String name) {
        this.nodeName = Objects.requireNonNull(name, "name");
    }

    /** Installs the node's {@link MigrationHook}, told when a process is ready to move. */
    public void onMigrationRequest(MigrationHook hook) {
        this.migrationHook = hook;
    }

    /**
     * Asks {@code pid} to move to {@code destination}: at once when it waits in a receive or a
     * sleep, else when it next does (a system message: no user code involved). The
     * {@link MigrationHook} is then called.
     *
     * @throws IllegalStateException when the process is not here or is already migrating
     */
    public void requestMigration(Pid pid, Object destination) {
        LocalProcess process = live(pid, "migrate");
        synchronized (process) {
            if (process.migrationTarget != null || process.status() == ProcessStatus.MIGRATING) {
                throw new IllegalStateException("cannot migrate " + pid + ": it is already migrating to " + process.migrationTarget);
            }
            process.migrationTarget = Objects.requireNonNull(destination, "destination");
        }
        // Either this CAS or the scheduler's check after the process's current step takes it.
        if (process.status.compareAndSet(ProcessStatus.WAITING, ProcessStatus.MIGRATING)) {
            cancelTimer(process);
            migrationRequested(process);
        }
    }

    /**
     * Freezes {@code pid}, which the {@link MigrationHook} was given, for a move with the next
     * epoch; {@code leaving} (opaque here: the node's address) joins the process's trail, the
     * places that forward to it. Messages arriving meanwhile queue in the returned departure.
     *
     * @throws io.procmobility.serial.SerializationException when it cannot travel; call
     *     {@link #cancelMigration} then
     */
    public Departure depart(Pid pid, io.procmobility.serial.SerialAllowlist allowlist, String leaving) {
        LocalProcess process = processes.get(pid);
        if (process == null || process.status() != ProcessStatus.MIGRATING) {
            throw new IllegalStateException("cannot depart " + pid + ": it is not waiting to migrate here");
        }
        long epoch = process.epoch + 1;
        List<String> trail = new ArrayList<>(process.trail);
        if (!trail.contains(leaving)) {
            trail.add(leaving);
        }
        Departure departure = new Departure(this, process, epoch);
        process.departure = departure; // before the mailbox closes: late messages queue here
        try {
            departure.frozen(ProcessFreezer.freeze(process, serializers, allowlist, epoch, trail));
        } catch (RuntimeException e) {
            departure.abandon();
            throw e;
        }
        return departure;
    }

    /**
     * Gives up a requested migration before it departed: the process goes on here; when it asked
     * to move itself, {@code failure} is thrown inside it.
     */
    public void cancelMigration(Pid pid, RuntimeException failure) {
        LocalProcess process = processes.get(pid);
        if (process != null && process.status() == ProcessStatus.MIGRATING && process.departure == null) {
            resumeAfterMigration(process, failure);
        }
    }

    /**
     * Reads a process arriving from another node and checks it can run here (allowlist, classes,
     * bytecode hashes); it starts only with {@link Arrival#start}.
     *
     * @throws io.procmobility.serial.SerializationException or {@link io.procmobility.continuation.ResumeException}
     *     naming what does not fit
     * @throws IllegalStateException when a process with its pid lives here already
     */
    public Arrival arrive(byte[] bytes, io.procmobility.serial.SerialAllowlist allowlist, ClassLoader loader) {
        LocalProcess process = ProcessFreezer.thaw(bytes, serializers, allowlist, loader);
        if (processes.containsKey(process.pid)) {
            throw new IllegalStateException("cannot accept " + process.pid + ": a process with that pid already lives here");
        }
        return new Arrival(this, process);
    }

    OutboundStreams outbound() {
        return outbound;
    }

    void arrived(LocalProcess process, List<QueuedMessage> queued) {
        for (QueuedMessage message : queued) {
            process.mailbox.addNumbered(message.stream(), message.seq(), message.payload());
        }
        if (processes.putIfAbsent(process.pid, process) != null) {
            throw new IllegalStateException("cannot install " + process.pid + ": a process with that pid already lives here");
        }
        String name = process.name();
        if (name != null) {
            process.name(null);
            try {
                names.register(name, process);
            } catch (IllegalStateException taken) {
                LOG.warn("process {} arrived registered as '{}', but that name is taken here; it runs unnamed ({})",
                        process.pid, name, taken.getMessage());
            }
        }
        if (process.mailbox.hasGaps() && process.gapCheckScheduled.compareAndSet(false, true)) {
            scheduler.after(maxGapNanos, () -> skipGaps(process)); // it brought messages waiting for earlier ones
        }
        scheduler.enqueue(process);
    }

    /** A departure committed: the process lives elsewhere now. */
    void departed(LocalProcess process) {
        process.status.set(ProcessStatus.EXITED);
        process.departure = null;
        process.migrationTarget = null;
        names.movedAway(process);
        processes.remove(process.pid, process);
    }

    /** A departure rolled back: everything goes back in, in order, and the process waits again. */
    void returned(LocalProcess process, List<Object> mailbox, List<QueuedMessage> queued, RuntimeException failure, long epoch) {
        if (epoch > process.epoch) {
            process.epoch = epoch;
        }
        process.mailbox.reopen(mailbox);
        for (QueuedMessage message : queued) {
            process.mailbox.addNumbered(message.stream(), message.seq(), message.payload());
        }
        process.departure = null;
        resumeAfterMigration(process, failure);
    }

    private void resumeAfterMigration(LocalProcess process, RuntimeException failure) {
        Wait wait = process.wait;
        if (wait != null && wait.kind == Wait.Kind.MIGRATE) {
            process.migrationFailure = failure;
        }
        process.migrationTarget = null;
        scheduler.resumeWaiting(process);
    }

    /** Called with the process in {@link ProcessStatus#MIGRATING}, by the scheduler or {@link #requestMigration}. */
    void migrationRequested(LocalProcess process) {
        MigrationHook hook = migrationHook;
        Object target = process.migrationTarget;
        if (hook == null) {
            resumeAfterMigration(process, new MigrationUnavailableException("cannot migrate " + process.pid + " to " + target
                    + ": this runtime is not part of a node (start a Node to move processes)"));
            return;
        }
        try {
            hook.migrationRequested(process.pid, target);
        } catch (RuntimeException e) {
            LOG.error("migration hook failed for {}; the process stays here", process.pid, e);
            if (process.departure == null && process.status() == ProcessStatus.MIGRATING) {
                resumeAfterMigration(process, e);
            }
        }
    }

    private static void cancelTimer(LocalProcess process) {
        java.util.concurrent.ScheduledFuture<?> timer = process.timer;
        if (timer != null) {
            process.timer = null;
            timer.cancel(false);
        }
    }

    /** Live processes, for listings. */
    public List<ProcessInfo> processes() {
        List<ProcessInfo> result = new ArrayList<>();
        for (LocalProcess process : processes.values()) {
            result.add(ProcessListing.describe(process));
        }
        result.sort((a, b) -> a.pid().compareTo(b.pid()));
        return result;
    }

    /**
     * Processes that have held a carrier thread longer than the configured threshold without
     * suspending (blocking Java code or a loop that never receives); the watchdog also logs each
     * with its stack.
     */
    public List<Pid> blockedProcesses() {
        return watchdog.blocked();
    }

    /** Number of live processes. */
    public int processCount() {
        return processes.size();
    }

    /** Stops the carriers; processes are abandoned, not ended. */
    @Override
    public void close() {
        watchdog.stop();
        scheduler.stop();
    }

    // ---- used by Processes (inside a process)

    /** Counts one reduction for {@code process}; true when its budget is spent and it should yield. */
    boolean spendReduction(LocalProcess process) {
        if (++process.reductions < reductionBudget) {
            return false;
        }
        process.reductions = 0;
        return true;
    }

    /** The random number stamped on every pid this runtime spawns: tells peers where a pid was born. */
    public long incarnation() {
        return incarnation;
    }

    /** Installs the router that carries messages for pids that do not live here (a node does this). */
    public void routeRemote(RemoteRouter remoteRouter) {
        this.router = remoteRouter;
    }

    LocalProcess local(Pid pid) {
        return processes.get(pid);
    }

    private LocalProcess live(Pid pid, String operation) {
        LocalProcess process = processes.get(pid);
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("cannot " + operation + " " + pid + ": noproc (no such live process here)");
        }
        return process;
    }

    /** Links {@code a} and {@code b}; when {@code b} is dead, {@code a} gets an exit signal {@code noproc}. */
    void link(LocalProcess a, Pid b) {
        LocalProcess other = processes.get(b);
        RemoteRouter remote = router;
        if (other == null && remote != null) {
            if (a.addLink(b) && !remote.link(a.pid, b)) {
                a.removeLink(b);
                signal(a, b, ExitReason.NOPROC);
            }
            return;
        }
        if (other != null && other.addLink(a.pid)) {
            a.addLink(b);
            if (other.isAlive()) {
                return;
            }
            a.removeLink(b);
        }
        signal(a, b, ExitReason.NOPROC);
    }

    void unlink(LocalProcess a, Pid b) {
        a.removeLink(b);
        LocalProcess other = processes.get(b);
        if (other != null) {
            other.removeLink(a.pid);
        } else if (router != null) {
            router.unlink(a.pid, b);
        }
    }

    /**
     * The other half of a link made on another node: links the local process {@code local} to
     * {@code remote}; when {@code local} is not alive, {@code remote} gets an exit signal {@code noproc}.
     */
    public void acceptLink(Pid local, Pid remote) {
        LocalProcess process = processes.get(local);
        if (process == null || !process.addLink(remote)) {
            RemoteRouter r = router;
            if (r != null) {
                r.exitSignal(remote, local, ExitReason.NOPROC);
            }
        }
    }

    /** Removes the local half of a link made from another node. */
    public void removeLink(Pid local, Pid remote) {
        LocalProcess process = processes.get(local);
        if (process != null) {
            process.removeLink(remote);
        }
    }

    /**
     * An exit signal from a linked process {@code from} (on another node, or a node that went
     * away: reason {@code noconnection}) to the local process {@code to}.
     */
    public void exitSignal(Pid to, Pid from, ExitReason reason) {
        LocalProcess target = processes.get(to);
        if (target != null) {
            target.removeLink(from);
            signal(target, from, reason);
        }
    }

    MonitorRef monitor(LocalProcess watcher, Pid target) {
        return monitorFrom(watcher.pid, target);
    }

    /** Removes a monitor; false when it was gone already (its {@link Down} is sent or on its way). */
    boolean demonitor(MonitorRef ref, Pid target) {
        LocalProcess watched = processes.get(target);
        if (watched == null && router != null) {
            router.demonitor(target, ref);
            return false; // its Down may be on its way over the network
        }
        return removeMonitor(target, ref);
    }

    /** Removes monitor {@code ref} from the local process {@code target}; false when it was gone already. */
    public boolean removeMonitor(Pid target, MonitorRef ref) {
        LocalProcess watched = processes.get(target);
        return watched != null && watched.removeMonitor(ref);
    }

    void register(String name, LocalProcess process) {
        NameService service = nameService;
        if (service == null) {
            names.register(name, process);
            return;
        }
        names.checkAvailable(name, process); // fail fast on what this node alone can tell
        service.claim(name, process.pid);
        try {
            names.register(name, process);
        } catch (RuntimeException e) {
            service.released(name, process.pid); // it died or the name was taken here meanwhile
            throw e;
        }
    }

    ProcessRef spawnFrom(MobileProcess code, LocalProcess parent, boolean link) {
        ProcessRef child = spawn(code);
        if (link) {
            link(parent, child.pid());
        }
        return child;
    }

    private void signal(LocalProcess target, Pid from, ExitReason reason) {
        if (reason != ExitReason.KILLED && target.trapExit()) {
            send(target.pid, new Exit(from, reason));
            return;
        }
        if (reason.isNormal() && from != null) {
            return;
        }
        target.pendingExit = reason;
        scheduler.wake(target);
    }

    private void nameReleased(Pid pid, String name) {
        NameService service = nameService;
        if (name != null && service != null) {
            service.released(name, pid);
        }
    }

    /** Called by the scheduler when a process ends, on the carrier that ran it. */
    private void exited(LocalProcess process, ExitReason reason) {
        if (process.status.getAndSet(ProcessStatus.EXITED) == ProcessStatus.EXITED) {
            return;
        }
        process.continuation = null;
        recentExits.record(process.pid, reason);
        nameReleased(process.pid, names.released(process));
        processes.remove(process.pid);
        process.exit.complete(reason);
        ExitListener listener = exitListener;
        if (listener != null) {
            try {
                listener.exited(process.pid, process.epoch, reason);
            } catch (RuntimeException e) {
                LOG.warn("exit listener failed for {}: {}", process.pid, e.toString());
            }
        }
        if (!reason.isNormal()) {
            LOG.debug("process {} exited: {}", process.pid, reason);
        }
        RemoteRouter remote = router;
        for (Pid linked : process.links()) {
            LocalProcess other = processes.get(linked);
            if (other != null) {
                other.removeLink(process.pid);
                signal(other, process.pid, reason);
            } else if (remote != null) {
                remote.exitSignal(linked, process.pid, reason);
            }
        }
        process.takeMonitors().forEach((ref, watcher) -> send(watcher, new Down(ref, process.pid, reason)));
    }
}
