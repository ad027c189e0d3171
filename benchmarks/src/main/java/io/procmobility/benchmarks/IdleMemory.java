package io.procmobility.benchmarks;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.benchmarks.workload.Waiter;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessInfo;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.process.ProcessStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import javax.management.ObjectName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Idle memory per suspended process (DESIGN.md §6, target ≤ 1 KiB; Erlang: ~2.7 KiB, 875 B
 * hibernated): spawns {@code n} (default 100,000) {@link Waiter} processes that wait in
 * {@code receive()}, waits until all are WAITING, and compares the heap used after full GCs before
 * and after. Everything a live process keeps is counted: its {@code LocalProcess} record, mailbox,
 * continuation (captured frames), its {@code MobileProcess} object, pid, and its share of the
 * runtime's process table. Then it sends each a message, waits for all exits, and checks the heap
 * goes back down. On JDK 21+ it measures, as a baseline, {@code n} virtual threads each parked on
 * its own mailbox (a {@code ConcurrentLinkedQueue} + {@code LockSupport.park}, like ours).
 *
 * <pre>java [-DidleMemory.histogram=true] -cp benchmarks.jar io.procmobility.benchmarks.IdleMemory [n]</pre>
 *
 * The last line is machine-readable ({@code Report} reads it):
 * {@code idle-memory jdk=25 processes=100000 bytesPerProcess=... virtualThreadBytes=...}.
 */
public final class IdleMemory {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    /** {@code -DidleMemory.histogram=true}: print which classes the suspended processes add (class histogram diff). */
    private static final boolean HISTOGRAM = Boolean.getBoolean("idleMemory.histogram");

    private IdleMemory() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        Result ours = processes(n, 2);
        double virtual = VirtualThreads.available() ? virtualThreads(n) : Double.NaN;
        System.out.printf(Locale.ROOT, "%,d suspended processes: %.0f bytes each (heap %+.1f MB; after they ended %+.1f MB vs before)%n",
                n, ours.bytesPerProcess, ours.deltaBytes / 1e6, ours.afterExitBytes / 1e6);
        if (!Double.isNaN(virtual)) {
            System.out.printf(Locale.ROOT, "%,d parked virtual threads (own ConcurrentLinkedQueue each): %.0f bytes each%n", n, virtual);
        } else {
            System.out.println("virtual-thread baseline skipped: " + VirtualThreads.unavailableReason());
        }
        System.out.printf(Locale.ROOT, "idle-memory jdk=%d processes=%d bytesPerProcess=%.1f virtualThreadBytes=%s heapMax=%d%n",
                Runtime.version().feature(), n, ours.bytesPerProcess,
                Double.isNaN(virtual) ? "-" : String.format(Locale.ROOT, "%.1f", virtual), Runtime.getRuntime().maxMemory());
    }

    /** Result of {@link #processes}. */
    public static final class Result {
        public final double bytesPerProcess;
        public final long deltaBytes;
        public final long afterExitBytes;

        Result(double bytesPerProcess, long deltaBytes, long afterExitBytes) {
            this.bytesPerProcess = bytesPerProcess;
            this.deltaBytes = deltaBytes;
            this.afterExitBytes = afterExitBytes;
        }
    }

    /** Measures {@code n} processes suspended in {@code receive()} on a runtime with {@code carriers} carriers. */
    public static Result processes(int n, int carriers) throws Exception {
        InstrumentingLoader loader = new InstrumentingLoader(IdleMemory.class.getClassLoader());
        Function<Void, MobileProcess> waiter = ProcessWorkloads.factory(loader, Waiter.class);
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(carriers))) {
            Pid[] pids = new Pid[n];
            // Warm-up: classes loaded, code compiled, lazily built runtime structures in place.
            round(runtime, waiter, new Pid[Math.min(n, 2_000)]);
            long before = usedAfterGc();
            Map<String, long[]> histogramBefore = HISTOGRAM ? histogram() : null;
            for (int i = 0; i < n; i++) {
                pids[i] = runtime.spawn(waiter.apply(null)).pid();
            }
            awaitAllWaiting(runtime, n);
            long during = usedAfterGc();
            if (HISTOGRAM) {
                printHistogramDiff(histogramBefore, histogram(), n);
            }
            endAll(runtime, pids);
            long after = usedAfterGc();
            return new Result((during - before) / (double) n, during - before, after - before);
        }
    }

    private static void round(ProcessRuntime runtime, Function<Void, MobileProcess> waiter, Pid[] pids) throws Exception {
        for (int i = 0; i < pids.length; i++) {
            pids[i] = runtime.spawn(waiter.apply(null)).pid();
        }
        awaitAllWaiting(runtime, pids.length);
        endAll(runtime, pids);
    }

    private static void awaitAllWaiting(ProcessRuntime runtime, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            int waiting = 0;
            if (runtime.processCount() >= n) {
                for (ProcessInfo info : runtime.processes()) {
                    if (info.status() == ProcessStatus.WAITING) {
                        waiting++;
                    }
                }
                if (waiting >= n) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + waiting + " of " + n + " processes are WAITING after 120 s");
            }
            Thread.sleep(50);
        }
    }

    private static void endAll(ProcessRuntime runtime, Pid[] pids) throws Exception {
        for (Pid pid : pids) {
            runtime.send(pid, "wake up");
        }
        for (Pid pid : pids) {
            runtime.awaitExit(pid, Duration.ofSeconds(120));
        }
    }

    /** Bytes per virtual thread parked on its own {@code ConcurrentLinkedQueue} mailbox. */
    static double virtualThreads(int n) throws InterruptedException {
        virtualRound(Math.min(n, 2_000), false);
        return virtualRound(n, true);
    }

    @SuppressWarnings("unchecked")
    private static double virtualRound(int n, boolean measure) throws InterruptedException {
        Thread[] threads = new Thread[n];
        ConcurrentLinkedQueue<Object>[] mailboxes = new ConcurrentLinkedQueue[n];
        long before = measure ? usedAfterGc() : 0;
        for (int i = 0; i < n; i++) {
            ConcurrentLinkedQueue<Object> mailbox = new ConcurrentLinkedQueue<>();
            mailboxes[i] = mailbox;
            threads[i] = VirtualThreads.start(() -> {
                while (mailbox.poll() == null) {
                    LockSupport.park();
                }
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (Thread t : threads) {
            while (t.getState() != Thread.State.WAITING) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("virtual thread not parked after 120 s: " + t);
                }
                Thread.sleep(1);
            }
        }
        long during = measure ? usedAfterGc() : 0;
        for (int i = 0; i < n; i++) {
            mailboxes[i].add("wake up");
            LockSupport.unpark(threads[i]);
        }
        for (Thread t : threads) {
            t.join();
        }
        return (during - before) / (double) n;
    }

    /** Heap used after several full GCs (the lowest of three readings). */
    static long usedAfterGc() throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            System.gc();
            Thread.sleep(50);
            best = Math.min(best, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    /** Class histogram of live objects (forces a full GC): class name to {instances, bytes}. */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> result = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                result.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return result;
    }

    private static void printHistogramDiff(Map<String, long[]> before, Map<String, long[]> after, int n) {
        List<Map.Entry<String, long[]>> diff = new ArrayList<>();
        after.forEach((name, a) -> {
            long[] b = before.getOrDefault(name, new long[2]);
            diff.add(Map.entry(name, new long[] {a[0] - b[0], a[1] - b[1]}));
        });
        diff.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        System.out.println("bytes/process  objects/process  class (what the suspended processes added)");
        for (Map.Entry<String, long[]> e : diff.subList(0, Math.min(20, diff.size()))) {
            System.out.printf(Locale.ROOT, "%12.1f  %15.2f  %s%n", e.getValue()[1] / (double) n, e.getValue()[0] / (double) n, e.getKey());
        }
    }
}
