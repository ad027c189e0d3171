package io.procmobility.benchmarks;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.benchmarks.workload.Hopper;
import io.procmobility.node.Destination;
import io.procmobility.node.MigrationResult;
import io.procmobility.node.Node;
import io.procmobility.process.Endpoint;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessInfo;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.process.ProcessStatus;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.transport.TransportConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * One node of the migration benchmark, the same code on both JVMs ({@link MigrationBench} is node
 * {@code a}, {@link MigrationPeer} node {@code b}): a {@link Node} whose arriving processes resolve
 * through an {@link InstrumentingLoader} (so both JVMs instrument the workload classes the same
 * way and their bytecode hashes agree), a <em>driver endpoint</em> the {@link Hopper}s report to,
 * a record of what they reported, and a driver thread that moves a process on with
 * {@link Node#migrate} as soon as it reports its arrival here (the "external" mode).
 *
 * <p>Records are {@code long[]}s: the {@link Hopper} reports as they came, plus the driver's
 * {@code [COMMITTED, id, seq, t0, tReturned, tCommitted, bytes]} (or {@code [FAILED, id, seq]})
 * for each migration it started: {@code t0} just before {@code node.migrate}, {@code tReturned}
 * when the call returned (the freeze happens inside it when the process waits), {@code tCommitted}
 * when its future completed (the destination accepted and the commit was sent).
 */
final class BenchNode implements AutoCloseable {
    static final String COOKIE = "migration-bench-cookie";
    static final long COMMITTED = 21;
    static final long FAILED = 22;

    final Node node;
    final InstrumentingLoader loader;
    final SerialAllowlist allowlist;
    final Endpoint driver;
    /** Messages to the driver endpoint that are not Hopper reports (batch replies). */
    final BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
    /** Hopper reports of the end of a run: HOPS_DONE, the last ARRIVED of an external run, FAILED. */
    final BlockingQueue<long[]> done = new LinkedBlockingQueue<>();
    private final List<long[]> records = new ArrayList<>();
    private final BlockingQueue<long[]> toMove = new LinkedBlockingQueue<>();
    private final Thread mover;
    private volatile int otherPort;

    BenchNode(String name, int carriers) {
        this.loader = new InstrumentingLoader(BenchNode.class.getClassLoader());
        this.allowlist = SerialAllowlist.builder().allowPackage("io.procmobility.benchmarks.workload.**").build();
        this.node = Node.start(TransportConfig.builder(name, COOKIE).port(0).allowlist(allowlist).classLoader(loader).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(carriers));
        this.driver = node.runtime().openEndpoint(this::reported);
        this.mover = new Thread(this::moveLoop, "bench-mover-" + name);
        mover.setDaemon(true);
        mover.start();
    }

    /** The port of the other node, where the driver sends processes that arrive here. */
    void otherPort(int port) {
        this.otherPort = port;
    }

    /** Spawns the instrumented copy of a workload process. */
    Pid spawn(Class<? extends MobileProcess> type, Object... args) {
        return node.runtime().spawn(ProcessWorkloads.create(loader, type, args)).pid();
    }

    /** Everything recorded since the last call, which clears it. */
    List<long[]> drain() {
        synchronized (records) {
            List<long[]> copy = new ArrayList<>(records);
            records.clear();
            return copy;
        }
    }

    /**
     * Starts an external-mode run here: {@code pid} (waiting on this node) is moved to the other node,
     * then back and forth by the drivers until migration {@code total}.
     */
    void startExternal(Pid pid, long id, long total) {
        toMove.add(new long[] {Hopper.ARRIVED, id, 0, 0, 0, total, pid.incarnation(), pid.serial(), 0});
    }

    private void reported(Object message) {
        if (!(message instanceof long[] m)) {
            replies.add(message);
            return;
        }
        if (m[0] == Hopper.ARRIVED) {
            record(m);
            if (m[2] < m[5]) {
                toMove.add(m);
            } else {
                done.add(m);
            }
        } else if (m[0] == Hopper.HOPPED) {
            record(m);
        } else {
            done.add(m);
        }
    }

    private void record(long[] m) {
        synchronized (records) {
            records.add(m);
        }
    }

    /** The external mode's driver: moves every process that reported its arrival here on to the other node. */
    private void moveLoop() {
        try {
            while (true) {
                long[] arrived = toMove.take();
                Pid pid = new Pid(arrived[6], arrived[7]);
                long id = arrived[1];
                long seq = arrived[2] + 1;
                long total = arrived[5];
                if (!awaitWaiting(pid)) {
                    long[] failed = {FAILED, id, seq};
                    System.err.println("process " + pid + " is not waiting on node " + node.name() + " after 10 s");
                    done.add(failed);
                    continue;
                }
                Destination to = Destination.tcp("127.0.0.1", otherPort);
                long t0 = System.nanoTime();
                CompletableFuture<MigrationResult> moved = node.migrate(pid, to);
                long returned = System.nanoTime();
                // Queued behind the freeze, handed over with the commit: the first thing the process sees over there.
                node.runtime().send(pid, new long[] {Hopper.PROBE, seq, t0, total});
                moved.whenComplete((result, failure) -> {
                    long committed = System.nanoTime();
                    if (failure == null) {
                        record(new long[] {COMMITTED, id, seq, t0, returned, committed, result.bytes()});
                    } else {
                        System.err.println("migration " + seq + " of " + pid + " failed: " + failure);
                        long[] failed = {FAILED, id, seq};
                        record(failed);
                        done.add(failed);
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until {@code pid} waits in its receive again (it reported its arrival just before): a
     * migration requested while it still runs would let it take the probe here, before it leaves.
     */
    boolean awaitWaiting(Pid pid) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() - deadline < 0) {
            for (ProcessInfo info : node.runtime().processes()) {
                if (info.pid().equals(pid) && info.status() == ProcessStatus.WAITING) {
                    return true;
                }
            }
            Thread.yield(); // 2 cores: leave the CPU to the process that is about to wait
        }
        return false;
    }

    /** Sends {@code message} to every pid. */
    void sendAll(List<Pid> pids, Object message) {
        pids.forEach(p -> node.runtime().send(p, message));
    }

    void forEachRecord(Consumer<long[]> action) {
        synchronized (records) {
            records.forEach(action);
        }
    }

    @Override
    public void close() {
        mover.interrupt();
        driver.close();
        node.close();
    }
}
