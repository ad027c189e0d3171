package io.procmobility.benchmarks;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.behaviour.MobileServer;
import io.procmobility.benchmarks.workload.Caller;
import io.procmobility.benchmarks.workload.CounterServer;
import io.procmobility.benchmarks.workload.Hopper;
import io.procmobility.benchmarks.workload.Pinger;
import io.procmobility.benchmarks.workload.Ponger;
import io.procmobility.benchmarks.workload.Sink;
import io.procmobility.benchmarks.workload.WindowedSender;
import io.procmobility.internal.StackVerifier;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.continuation.Continuation;
import io.procmobility.serial.ContinuationSerializer;
import io.procmobility.serial.SerialAllowlist;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Migration and remote-messaging benchmark between two JVMs on 127.0.0.1 (DESIGN.md §6: migration
 * latency p50/p99 of a small process, target p50 ≤ 0.5 ms; migrations per second; messages per
 * second local and remote). This JVM is node {@code a}; it forks node {@code b}
 * ({@link MigrationPeer}) with the same class path and {@code procmobility.verifyCapture} setting,
 * and kills it at the end, pass or fail. Both nodes instrument the workload classes with an
 * {@link InstrumentingLoader} and use 1 carrier thread by default ({@code --carriers=}).
 *
 * <pre>
 * java [-Dprocmobility.verifyCapture=false] -cp benchmarks.jar io.procmobility.benchmarks.MigrationBench [--key=value...]
 * </pre>
 *
 * <p>What is measured (all clocks are {@code System.nanoTime()}, one monotonic clock for every
 * process of the machine; the run starts by checking that b's clock reads fall between a's):
 * <ol>
 *   <li><b>migration latency, sendMe</b>: a {@link Hopper} moves itself a→b→a… with
 *       {@code Mobility.sendMe}; latency = from just before the {@code sendMe} call at the origin
 *       to the instruction after it, running at the destination;</li>
 *   <li><b>migration latency, node.migrate</b>: a driver thread on each node calls
 *       {@code node.migrate(pid, Destination.tcp(...))} on the Hopper waiting in receive and at once
 *       sends it a probe (queued behind the freeze, handed over in the commit); latency = from just
 *       before {@code migrate} to the process's own code handling the probe at the destination.
 *       Also: migrate → the call returned (the freeze and serialization happen inside it),
 *       migrate → the future completed (accept received, commit sent), commit → running;</li>
 *   <li>the same for a Hopper waiting 10 frames deep, and the serialized size of both
 *       ({@code MigrationResult.bytes()});</li>
 *   <li><b>migrations per second</b>: {@code --processes} Hoppers move themselves back and forth
 *       concurrently for {@code --seconds} (after {@code --warm-seconds}), counted by arrival time;</li>
 *   <li><b>remote vs local</b> (same JVM, same run): ping-pong round trips, gen_server calls
 *       ({@link Caller} on a to a {@link CounterServer} on b, or on a) and one-way messages
 *       ({@link WindowedSender} → {@link Sink}: at most {@code --window} unacknowledged messages,
 *       an acknowledgement every {@code --ack-every});</li>
 *   <li>parts: {@code runtime.freeze} and {@code runtime.thaw} of the same processes in one JVM.</li>
 * </ol>
 * The last line printed is machine-readable ({@link MigrationReport} reads it):
 * {@code migration-bench verify=… jdk=… key=value…}.
 */
public final class MigrationBench {
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    /**
     * Settings; {@code --name=value} on the command line for each (names in kebab case:
     * {@code --external-warmup}, {@code --warm-ms}...). {@code warmMs} / {@code batchMs}: each remote
     * and local messaging measure warms up that long, then runs {@code batches} batches of about
     * {@code batchMs} and keeps the median. {@code freezes}: freeze/thaw pairs timed in the parts.
     */
    public record Options(int warmup, int migrations, int externalWarmup, int depth, int deepWarmup, int deepMigrations, int processes,
            double warmSeconds, double seconds, int warmMs, int batchMs, int ackEvery, int window, int freezes,
            int carriers, int batches, String only) {
        /** True when phase {@code name} (messaging, parts, latency, throughput) is to run ({@code --only=a,b}; default all). */
        public boolean runs(String name) {
            return only.isEmpty() || Arrays.asList(only.split(",")).contains(name);
        }

        /** The full run (85–120 s on the shared 2-core machine). */
        public static Options defaults() {
            return new Options(2_000, 10_000, 500, 10, 250, 1_000, 100, 1, 10, 1_000, 250, 100, 2_000, 1_000, 1, 5, "");
        }

        /** A few of everything: for the test that checks the harness still works. */
        public static Options tiny() {
            return new Options(4, 20, 4, 10, 2, 10, 4, 0.2, 1, 50, 20, 100, 1_000, 20, 1, 2, "");
        }

        /** {@code defaults()} (or {@code tiny()} with {@code --tiny}) with {@code --name=value} overrides. */
        public static Options parse(String... args) {
            Map<String, String> set = new HashMap<>();
            boolean tiny = false;
            for (String arg : args) {
                if (arg.equals("--tiny")) {
                    tiny = true;
                    continue;
                }
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0) {
                    throw new IllegalArgumentException("expected --name=value, got " + arg + "; names: " + Arrays.toString(NAMES));
                }
                set.put(arg.substring(2, eq), arg.substring(eq + 1).replace("_", ""));
            }
            Options o = tiny ? tiny() : defaults();
            for (String key : set.keySet()) {
                if (!Arrays.asList(NAMES).contains(key)) {
                    throw new IllegalArgumentException("unknown option --" + key + "; names: " + Arrays.toString(NAMES));
                }
            }
            return new Options(i(set, "warmup", o.warmup), i(set, "migrations", o.migrations),
                    i(set, "external-warmup", o.externalWarmup), i(set, "depth", o.depth),
                    i(set, "deep-warmup", o.deepWarmup), i(set, "deep-migrations", o.deepMigrations), i(set, "processes", o.processes),
                    d(set, "warm-seconds", o.warmSeconds), d(set, "seconds", o.seconds), i(set, "warm-ms", o.warmMs),
                    i(set, "batch-ms", o.batchMs), i(set, "ack-every", o.ackEvery), i(set, "window", o.window),
                    i(set, "freezes", o.freezes), i(set, "carriers", o.carriers), i(set, "batches", o.batches),
                    set.getOrDefault("only", o.only));
        }

        private static final String[] NAMES = {"warmup", "migrations", "external-warmup", "depth", "deep-warmup", "deep-migrations", "processes",
            "warm-seconds", "seconds", "warm-ms", "batch-ms", "ack-every", "window", "freezes", "carriers", "batches",
            "only"};

        private static int i(Map<String, String> set, String key, int otherwise) {
            return set.containsKey(key) ? Integer.parseInt(set.get(key)) : otherwise;
        }

        private static double d(Map<String, String> set, String key, double otherwise) {
            return set.containsKey(key) ? Double.parseDouble(set.get(key)) : otherwise;
        }
    }

    /** Everything measured: metrics by key (µs, counts, bytes, per second) and the table printed. */
    public static final class Result {
        public final Map<String, Double> metrics = new LinkedHashMap<>();
        final List<String[]> rows = new ArrayList<>();

        public double get(String key) {
            Double v = metrics.get(key);
            if (v == null) {
                throw new IllegalArgumentException("no metric " + key + " in " + metrics.keySet());
            }
            return v;
        }

        void put(String key, double value) {
            metrics.put(key, value);
        }

        void latencies(String key, Latencies l) {
            put(key + ".n", l.count());
            put(key + ".p50", l.micros(50));
            put(key + ".p90", l.micros(90));
            put(key + ".p99", l.micros(99));
            put(key + ".max", l.maxMicros());
        }

        void row(String what, String result, String baseline, String ratio) {
            rows.add(new String[] {what, result, baseline, ratio});
        }

        /** The Markdown table of this run. */
        public String table() {
            StringBuilder s = new StringBuilder("| measure | result | baseline (same run) | ratio |\n|---|---|---|---|\n");
            for (String[] r : rows) {
                s.append("| ").append(String.join(" | ", r)).append(" |\n");
            }
            return s.toString();
        }

        /** {@code migration-bench verify=on jdk=17 key=value ...}. */
        public String summaryLine() {
            StringBuilder s = new StringBuilder("migration-bench verify=").append(StackVerifier.ENABLED ? "on" : "off")
                    .append(" jdk=").append(Runtime.version().feature());
            metrics.forEach((k, v) -> s.append(' ').append(k).append('=').append(String.format(Locale.ROOT, "%.3f", v)));
            return s.toString();
        }
    }

    private final Options o;
    private final PrintStream log;
    private final BenchNode a;
    private final PeerJvm b;
    private final Pid bDriver;
    private final Result result = new Result();

    private MigrationBench(Options o, PrintStream log, BenchNode a, PeerJvm b) {
        this.o = o;
        this.log = log;
        this.a = a;
        this.b = b;
        this.bDriver = new Pid(b.driverIncarnation, b.driverSerial);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        long started = System.nanoTime();
        Result result = run(options, System.out);
        System.out.println();
        System.out.println(result.table());
        System.out.printf(Locale.ROOT, "(%s; capture check %s; JDK %s; %.0f s; load average %s)%n", options,
                StackVerifier.ENABLED ? "on" : "off (-Dprocmobility.verifyCapture=false)", Runtime.version(),
                (System.nanoTime() - started) / 1e9, loadAverage());
        System.out.println(result.summaryLine());
        System.exit(0);
    }

    /** Runs every measure with node b in a forked JVM, which is killed before this returns or throws. */
    public static Result run(Options options, PrintStream log) throws Exception {
        try (BenchNode a = new BenchNode("a", options.carriers); PeerJvm b = new PeerJvm(a.node.port(), options.carriers)) {
            a.otherPort(b.port);
            MigrationBench bench = new MigrationBench(options, log, a, b);
            bench.result.put("load.before", load1());
            bench.clock();
            if (options.runs("messaging")) {
                bench.messaging();
            }
            if (options.runs("parts")) {
                bench.parts();
            }
            if (options.runs("latency")) {
                bench.latency();
            }
            if (options.runs("throughput")) {
                bench.throughput();
            }
            bench.result.put("load.after", load1());
            return bench.result;
        }
    }

    // ---- clock

    /** b's {@code nanoTime} read between two of a's: the cross-JVM latencies compare the two clocks. */
    private void clock() throws InterruptedException {
        int inside = 0;
        long widest = 0;
        for (int i = 0; i < 5; i++) {
            long before = System.nanoTime();
            b.send("clock");
            long theirs = Long.parseLong(b.expect("CLOCK ").substring(6));
            long after = System.nanoTime();
            if (before <= theirs && theirs <= after) {
                inside++;
            }
            widest = Math.max(widest, after - before);
        }
        log.printf(Locale.ROOT, "clock: b's System.nanoTime() fell inside a's bracket %d/5 times (bracket up to %.0f µs)%n", inside,
                widest / 1e3);
        if (inside < 5) {
            throw new IllegalStateException("the two JVMs do not share System.nanoTime(): cross-JVM latencies would be wrong");
        }
    }

    // ---- remote vs local messaging

    private void messaging() throws Exception {
        Pid remotePonger = spawnOnB("Ponger");
        Pid remoteServer = spawnOnB("CounterServer");
        Pid remoteSink = spawnOnB("Sink " + o.ackEvery);
        Pid localPonger = a.spawn(Ponger.class);
        Pid localServer = a.spawn(CounterServer.class);
        Pid localSink = a.spawn(Sink.class, o.ackEvery);

        double tcpRtt = tcpEcho();
        result.put("tcp.rtt.us", tcpRtt);
        result.row("wire baseline: 8-byte round trip over a plain blocking TCP socket (TCP_NODELAY), thread on a ↔ echo thread on b",
                us(tcpRtt), "—", "—");
        log.printf(Locale.ROOT, "plain TCP echo a ↔ b: %.1f µs per round trip%n", tcpRtt);
        double localRtt = perOp(Pinger.class, localPonger, n -> n);
        double remoteRtt = perOp(Pinger.class, remotePonger, n -> n);
        result.put("pingpong.local.us", localRtt);
        result.put("pingpong.remote.us", remoteRtt);
        result.row("ping-pong round trip, process on a ↔ process on b", us(remoteRtt) + " (" + rate(1e6 / remoteRtt) + "/s)",
                "both on a: " + us(localRtt) + "; plain TCP: " + us(tcpRtt), ratio(remoteRtt / localRtt) + "; " + ratio(remoteRtt / tcpRtt)
                        + " TCP");
        log.printf(Locale.ROOT, "ping-pong: remote %.1f µs, local %.2f µs%n", remoteRtt, localRtt);

        double localCall = perOp(Caller.class, localServer, n -> n);
        double remoteCall = perOp(Caller.class, remoteServer, n -> n);
        result.put("call.local.us", localCall);
        result.put("call.remote.us", remoteCall);
        result.row("gen_server call, `Caller` on a → `CounterServer` on b", us(remoteCall) + " (" + rate(1e6 / remoteCall) + " calls/s)",
                "both on a: " + us(localCall) + " (" + rate(1e6 / localCall) + "/s)", ratio(remoteCall / localCall));
        log.printf(Locale.ROOT, "calls: remote %.1f µs, local %.2f µs%n", remoteCall, localCall);

        double localMsg = perOp(WindowedSender.class, localSink, n -> new long[] {n, o.window});
        double remoteMsg = perOp(WindowedSender.class, remoteSink, n -> new long[] {n, o.window});
        result.put("oneway.window", o.window);
        result.put("oneway.ack_every", o.ackEvery);
        result.put("oneway.local.per_s", 1e6 / localMsg);
        result.put("oneway.remote.per_s", 1e6 / remoteMsg);
        result.row("one-way messages a → process on b (window " + o.window + ", ack every " + o.ackEvery + ")",
                rate(1e6 / remoteMsg) + " msg/s", "both on a: " + rate(1e6 / localMsg) + " msg/s",
                String.format(Locale.ROOT, "%.1f %% of local", 100 * localMsg / remoteMsg));
        log.printf(Locale.ROOT, "one-way: remote %s msg/s, local %s msg/s%n", rate(1e6 / remoteMsg), rate(1e6 / localMsg));

        ProcessRuntime runtime = a.node.runtime();
        runtime.send(localPonger, "stop");
        runtime.send(localSink, "stop");
        MobileServer.stop(runtime, localServer, ExitReason.NORMAL, Duration.ofSeconds(30));
        runtime.send(remotePonger, "stop");
        runtime.send(remoteSink, "stop"); // the remote server stays: b ends with the run
    }

    /** Runs {@code n} operations and returns when they are done. */
    @FunctionalInterface
    private interface Batch {
        void run(int n) throws Exception;
    }

    /**
     * µs per operation of {@code batch}: warm-up batches for {@code --warm-ms} (sizes doubling from
     * {@code first} while a batch is short), then {@code --batches} batches of about {@code --batch-ms}
     * each (sizes a multiple of {@code multiple}); the median of those.
     */
    private double timed(int first, int multiple, Batch batch) throws Exception {
        long warmEnd = System.nanoTime() + o.warmMs * 1_000_000L;
        long batchNanos = o.batchMs * 1_000_000L;
        int size = first;
        double microsPerOp;
        while (true) {
            long t0 = System.nanoTime();
            batch.run(size);
            long took = System.nanoTime() - t0;
            microsPerOp = took / 1e3 / size;
            if (System.nanoTime() - warmEnd >= 0) {
                break;
            }
            if (took < batchNanos / 2 && size < (1 << 24)) {
                size *= 2;
            }
        }
        int measured = (int) Math.max(multiple, Math.round(batchNanos / 1e3 / microsPerOp / multiple) * multiple);
        double[] micros = new double[o.batches];
        for (int i = 0; i < o.batches; i++) {
            long t0 = System.nanoTime();
            batch.run(measured);
            micros[i] = (System.nanoTime() - t0) / 1e3 / measured;
        }
        Arrays.sort(micros);
        return micros[micros.length / 2];
    }

    /**
     * µs per operation of a driver process on a ({@code type}, constructed with the target and a's
     * driver endpoint, which gets its count back after each batch): see {@link #timed}.
     */
    private double perOp(Class<? extends MobileProcess> type, Pid target, java.util.function.IntFunction<Object> job) throws Exception {
        Pid driver = a.spawn(type, target, a.driver.pid());
        int multiple = type == WindowedSender.class ? o.ackEvery : 1;
        double micros = timed(multiple * 10, multiple, n -> {
            a.node.runtime().send(driver, job.apply(n));
            Object reply = a.replies.poll(300, TimeUnit.SECONDS);
            if (reply == null || ((Number) reply).longValue() != n) {
                throw new IllegalStateException(type.getSimpleName() + " → " + target + ": batch of " + n + " answered " + reply);
            }
        });
        a.node.runtime().send(driver, "stop");
        return micros;
    }

    /** µs per round trip of 8 bytes between a thread here and b's echo thread over a plain socket: see {@link #timed}. */
    private double tcpEcho() throws Exception {
        b.send("echo");
        int port = Integer.parseInt(b.expect("ECHO ").substring(5));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] message = new byte[8];
            return timed(10, 1, n -> {
                for (int j = 0; j < n; j++) {
                    out.write(message);
                    in.readFully(message);
                }
            });
        }
    }

    private Pid spawnOnB(String what) throws InterruptedException {
        b.send("spawn 0 " + what);
        String[] f = b.expect("PID ").split(" ");
        return new Pid(Long.parseLong(f[2]), Long.parseLong(f[3]));
    }

    // ---- parts: freeze and thaw in one JVM

    private void parts() throws InterruptedException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long me = Thread.currentThread().getId();
        for (int depth : new int[] {2, o.depth}) {
            Pid p = hopper(90 + depth, depth);
            ProcessRuntime runtime = a.node.runtime();
            int n = o.freezes;
            long[] freeze = new long[n];
            long[] thaw = new long[n];
            long freezeAlloc = 0;
            long thawAlloc = 0;
            long loadedBefore = 0;
            int bytes = 0;
            long warmEnd = System.nanoTime() + o.warmMs * 1_000_000L;
            int warmed = 0;
            for (int i = 0; i < n; ) {
                boolean record = warmed >= n / 4 && System.nanoTime() - warmEnd >= 0; // warm up for --warm-ms and n / 4
                if (!a.awaitWaiting(p)) {
                    throw new IllegalStateException(p + " does not wait in receive");
                }
                if (record && i == 0) {
                    loadedBefore = classes.getTotalLoadedClassCount();
                }
                long m0 = threads.getThreadAllocatedBytes(me);
                long t0 = System.nanoTime();
                byte[] frozen = runtime.freeze(p, a.allowlist);
                long t1 = System.nanoTime();
                long m1 = threads.getThreadAllocatedBytes(me);
                runtime.thaw(frozen, a.allowlist, a.loader);
                long t2 = System.nanoTime();
                long m2 = threads.getThreadAllocatedBytes(me);
                bytes = frozen.length;
                if (record) {
                    freeze[i] = t1 - t0;
                    thaw[i] = t2 - t1;
                    freezeAlloc += m1 - m0;
                    thawAlloc += m2 - m1;
                    i++;
                } else {
                    warmed++;
                }
            }
            double classesPerPair = (classes.getTotalLoadedClassCount() - loadedBefore) / (double) n;
            runtime.send(p, new long[] {Hopper.STOP});
            Latencies f = new Latencies(freeze);
            Latencies t = new Latencies(thaw);
            String key = depth == 2 ? "small" : "deep";
            result.latencies("freeze." + key, f);
            result.latencies("thaw." + key, t);
            result.put("freeze." + key + ".bytes", bytes);
            result.put("freeze." + key + ".alloc", freezeAlloc / (double) n);
            result.put("thaw." + key + ".alloc", thawAlloc / (double) n);
            result.put("freeze_thaw." + key + ".classes", classesPerPair);
            result.row("parts, in one JVM: `runtime.freeze` / `runtime.thaw` of the " + frames(depth) + " process (p50; allocated; "
                    + "classes loaded per pair)", us(f.micros(50)) + " / " + us(t.micros(50)) + "; " + kb(freezeAlloc / (double) n)
                    + " / " + kb(thawAlloc / (double) n) + "; " + String.format(Locale.ROOT, "%.1f", classesPerPair), "—", "—");
            log.printf(Locale.ROOT, "freeze/thaw in a, %d frames: freeze %s µs, thaw %s µs (p50/p90/p99/max), %d bytes; allocated %s / %s; "
                    + "%.1f classes loaded per freeze + thaw%n", depth, f.summary(), t.summary(), bytes, kb(freezeAlloc / (double) n),
                    kb(thawAlloc / (double) n), classesPerPair);
        }
        serializerReuse(threads, me);
    }

    /**
     * What {@code ProcessFreezer} pays for making a new {@code ContinuationSerializer} (a new Kryo)
     * for every freeze and every thaw: serialize + deserialize of a captured {@code MixedFrames}
     * continuation with one serializer reused, against a new serializer for each call.
     */
    private void serializerReuse(com.sun.management.ThreadMXBean threads, long me) {
        for (int depth : new int[] {2, o.depth}) {
            SerializedSize s = new SerializedSize(depth);
            Continuation c = s.capture();
            SerialAllowlist allow = SerialAllowlist.builder().allowPackage(InstrumentingLoader.WORKLOAD_PACKAGE + "**").build();
            ClassLoader loader = s.workload.getClass().getClassLoader();
            int n = o.freezes;
            long[] reused = new long[n];
            long[] fresh = new long[n];
            long reusedAlloc = 0;
            long freshAlloc = 0;
            long warmEnd = System.nanoTime() + o.warmMs * 1_000_000L;
            int warmed = 0;
            for (int i = 0; i < n; ) {
                boolean record = warmed >= n / 4 && System.nanoTime() - warmEnd >= 0;
                long m0 = threads.getThreadAllocatedBytes(me);
                long t0 = System.nanoTime();
                s.serializer.deserialize(s.serializer.serialize(c));
                long t1 = System.nanoTime();
                long m1 = threads.getThreadAllocatedBytes(me);
                new ContinuationSerializer(allow, loader).deserialize(new ContinuationSerializer(allow, loader).serialize(c));
                long t2 = System.nanoTime();
                long m2 = threads.getThreadAllocatedBytes(me);
                if (record) {
                    reused[i] = t1 - t0;
                    fresh[i] = t2 - t1;
                    reusedAlloc += m1 - m0;
                    freshAlloc += m2 - m1;
                    i++;
                } else {
                    warmed++;
                }
            }
            Latencies r = new Latencies(reused);
            Latencies f = new Latencies(fresh);
            String key = depth == 2 ? "small" : "deep";
            result.latencies("serde.reused." + key, r);
            result.latencies("serde.fresh." + key, f);
            result.row("parts: Kryo serialize + deserialize of a " + depth + "-frame `MixedFrames` continuation, a new "
                    + "`ContinuationSerializer` per call (as `ProcessFreezer` does) (p50; allocated)",
                    us(f.micros(50)) + "; " + kb(freshAlloc / (double) n), "one serializer reused: " + us(r.micros(50)) + "; "
                    + kb(reusedAlloc / (double) n), ratio(f.micros(50) / r.micros(50)));
            log.printf(Locale.ROOT, "serialize + deserialize, %d frames: new serializer per call %s µs, %s; reused %s µs, %s%n", depth,
                    f.summary(), kb(freshAlloc / (double) n), r.summary(), kb(reusedAlloc / (double) n));
        }
    }

    private static String kb(double bytes) {
        return String.format(Locale.ROOT, bytes >= 10_240 ? "%.0f KB" : "%.1f KB", bytes / 1024);
    }

    private static String frames(int depth) {
        return depth == 2 ? "small (2 frames)" : depth + "-frame";
    }

    private Pid hopper(int id, int depth) {
        return a.spawn(Hopper.class, id, depth, a.driver.pid(), a.node.port(), bDriver, b.port);
    }

    // ---- migration latency

    private void latency() throws InterruptedException {
        double rtt = result.metrics.getOrDefault("pingpong.remote.us", Double.NaN);
        Latencies send = sendMe(1, 2, o.warmup, o.migrations);
        result.latencies("sendme.small", send);
        result.row("**migration latency, small process (2 frames), `Mobility.sendMe`**: call → next instruction at the destination, "
                + "p50 / p90 / p99 / max (target p50 ≤ 500 µs)", "**" + send.summary() + " µs**",
                "remote ping-pong " + us(rtt), ratio(send.micros(50) / rtt) + " (p50)");
        External ext = external(2, 2, o.externalWarmup, o.migrations);
        result.latencies("external.small", ext.running);
        result.latencies("external.small.commit", ext.commit);
        result.latencies("external.small.freeze", ext.freeze);
        result.latencies("external.small.commit_to_running", ext.commitToRunning);
        result.put("bytes.small", ext.bytes);
        result.row("migration latency, small process, `node.migrate(pid, dest)` from a thread: call → the process's first instruction "
                + "at the destination (a probe sent after the call)", ext.running.summary() + " µs", "remote ping-pong " + us(rtt),
                ratio(ext.running.micros(50) / rtt) + " (p50)");
        result.row("same: `migrate` call → its future completes (destination accepted, commit sent)", ext.commit.summary() + " µs",
                "", "");
        result.row("same, split (p50): call returns (freeze + serialize + MIGRATE written) / → commit / commit → running",
                us(ext.freeze.micros(50)) + " / " + us(ext.commit.micros(50)) + " / " + us(ext.commitToRunning.micros(50)), "", "");

        Latencies deepSend = sendMe(3, o.depth, o.deepWarmup, o.deepMigrations);
        External deep = external(4, o.depth, o.deepWarmup, o.deepMigrations);
        result.latencies("sendme.deep", deepSend);
        result.latencies("external.deep", deep.running);
        result.latencies("external.deep.commit", deep.commit);
        result.put("bytes.deep", deep.bytes);
        result.row("migration latency, " + o.depth + "-frame process, `sendMe` / `node.migrate` → running (p50 / p99)",
                us(deepSend.micros(50)) + " / " + us(deepSend.micros(99)) + "; " + us(deep.running.micros(50)) + " / "
                        + us(deep.running.micros(99)),
                "small: " + us(send.micros(50)) + "; " + us(ext.running.micros(50)), ratio(deepSend.micros(50) / send.micros(50)));
        result.row("serialized size of the migrated process (`MigrationResult.bytes()`), small / " + o.depth + " frames",
                (int) ext.bytes + " B / " + (int) deep.bytes + " B", "", "");
    }

    /** Hopper {@code id} moves itself a→b→a… {@code warmup + n} times (rounded up to even: it ends on a). */
    private Latencies sendMe(int id, int depth, int warmup, int n) throws InterruptedException {
        long total = warmup + n + ((warmup + n) % 2);
        Pid p = hopper(id, depth);
        long started = System.nanoTime();
        a.node.runtime().send(p, new long[] {Hopper.HOP, total, System.nanoTime() + HOUR});
        long[] done = awaitDone(id, total * 50_000_000L + 60_000_000_000L);
        if (done[0] != Hopper.HOPS_DONE || done[2] != total) {
            throw new IllegalStateException("sendMe run " + id + " ended with " + Arrays.toString(done));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        a.node.runtime().send(p, new long[] {Hopper.STOP});
        List<long[]> records = new ArrayList<>(a.drain());
        records.addAll(b.records());
        records.removeIf(r -> r[0] != Hopper.HOPPED || r[1] != id || r[2] <= warmup);
        Latencies l = new Latencies(records.stream().mapToLong(r -> r[4] - r[3]).toArray());
        if (Boolean.getBoolean("migrationBench.outliers")) {
            records.sort((x, y) -> Long.compare(y[4] - y[3], x[4] - x[3]));
            for (long[] r : records.subList(0, Math.min(10, records.size()))) {
                log.printf(Locale.ROOT, "  slow: move %d at +%.3f s took %.0f µs%n", r[2], (r[3] - started) / 1e9, (r[4] - r[3]) / 1e3);
            }
        }
        log.printf(Locale.ROOT, "sendMe, %d frames: %d moves in %.1f s; last %d: p50/p90/p99/max %s µs%n", depth, total, seconds,
                l.count(), l.summary());
        return l;
    }

    private record External(Latencies running, Latencies commit, Latencies freeze, Latencies commitToRunning, double bytes) {
    }

    /** The drivers move Hopper {@code id} with {@code node.migrate} a→b→a…, {@code warmup + n} times (even). */
    private External external(int id, int depth, int warmup, int n) throws InterruptedException {
        long total = warmup + n + ((warmup + n) % 2);
        Pid p = hopper(id, depth);
        if (!a.awaitWaiting(p)) {
            throw new IllegalStateException(p + " does not wait in receive");
        }
        long started = System.nanoTime();
        a.startExternal(p, id, total);
        long[] done = awaitDone(id, total * 50_000_000L + 60_000_000_000L);
        if (done[0] != Hopper.ARRIVED || done[2] != total) {
            throw new IllegalStateException("node.migrate run " + id + " ended with " + Arrays.toString(done));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        a.node.runtime().send(p, new long[] {Hopper.STOP});
        Thread.sleep(100); // the last commit's future may complete just after the process arrived
        List<long[]> records = new ArrayList<>(a.drain());
        records.addAll(b.records());
        Map<Long, long[]> arrived = new HashMap<>();
        Map<Long, long[]> committed = new HashMap<>();
        for (long[] r : records) {
            if (r[1] == id && r[2] > warmup) {
                if (r[0] == Hopper.ARRIVED) {
                    arrived.put(r[2], r);
                } else if (r[0] == BenchNode.COMMITTED) {
                    committed.put(r[2], r);
                }
            }
        }
        long[] running = new long[arrived.size()];
        long[] commit = new long[committed.size()];
        long[] freeze = new long[committed.size()];
        List<Long> commitToRunning = new ArrayList<>();
        int i = 0;
        for (long[] r : arrived.values()) {
            running[i++] = r[4] - r[3];
        }
        i = 0;
        double bytes = 0;
        for (long[] c : committed.values()) {
            commit[i] = c[5] - c[3];
            freeze[i++] = c[4] - c[3];
            bytes = c[6];
            long[] r = arrived.get(c[2]);
            if (r != null) {
                commitToRunning.add(r[4] - c[5]);
            }
        }
        External e = new External(new Latencies(running), new Latencies(commit), new Latencies(freeze),
                new Latencies(commitToRunning.stream().mapToLong(Long::longValue).toArray()), bytes);
        log.printf(Locale.ROOT, "node.migrate, %d frames: %d moves in %.1f s; last %d: running p50/p90/p99/max %s µs; commit %s µs; "
                + "call returned %s µs; commit → running %s µs; %d bytes%n", depth, total, seconds, e.running.count(), e.running.summary(),
                e.commit.summary(), e.freeze.summary(), e.commitToRunning.summary(), (int) bytes);
        return e;
    }

    /** Waits for a's driver to get the end report of run {@code id}. */
    private long[] awaitDone(long id, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            long[] d = a.done.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (d == null) {
                throw new IllegalStateException("run " + id + " did not end within " + timeoutNanos / 1_000_000_000 + " s");
            }
            if (d[0] == BenchNode.FAILED) {
                throw new IllegalStateException("a migration failed: " + Arrays.toString(d));
            }
            if (d[1] == id) {
                return d;
            }
        }
    }

    // ---- migrations per second

    private void throughput() throws InterruptedException {
        int n = o.processes;
        List<Pid> hoppers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hoppers.add(hopper(1_000 + i, 2));
        }
        long start = System.nanoTime();
        long windowStart = start + (long) (o.warmSeconds * 1e9);
        long deadline = windowStart + (long) (o.seconds * 1e9);
        a.sendAll(hoppers, new long[] {Hopper.HOP, Long.MAX_VALUE, deadline});
        long moves = 0;
        for (int i = 0; i < n; i++) {
            long[] d = a.done.poll(Math.max(1, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(60), TimeUnit.NANOSECONDS);
            if (d == null || d[0] == BenchNode.FAILED) {
                throw new IllegalStateException("only " + i + " of " + n + " processes ended their moves: " + Arrays.toString(d));
            }
            moves += d[2];
        }
        a.sendAll(hoppers, new long[] {Hopper.STOP});
        List<long[]> records = new ArrayList<>(a.drain());
        records.addAll(b.records());
        long[] inWindow = records.stream().filter(r -> r[0] == Hopper.HOPPED && r[1] >= 1_000 && r[4] >= windowStart && r[4] <= deadline)
                .mapToLong(r -> r[4] - r[3]).toArray();
        double perSecond = inWindow.length / o.seconds;
        Latencies l = new Latencies(inWindow);
        result.put("throughput.processes", n);
        result.put("throughput.seconds", o.seconds);
        result.put("throughput.per_s", perSecond);
        result.latencies("throughput.latency", l);
        double single = 1e6 / result.metrics.getOrDefault("sendme.small.p50", Double.NaN);
        result.row("**migrations per second**, " + n + " processes moving themselves back and forth (sendMe), " + fmt(o.seconds) + " s",
                "**" + rate(perSecond) + "/s**", "one process alone: " + rate(single) + "/s (1 / p50)", ratio(perSecond / single));
        result.row("latency during that (p50 / p90 / p99 / max)", l.summary() + " µs", "", "");
        log.printf(Locale.ROOT, "throughput: %d processes, %d moves in total, %d in the %.1f s window: %s/s; latency %s µs%n", n, moves,
                inWindow.length, o.seconds, rate(perSecond), l.summary());
    }

    // ---- formatting

    private static String us(double micros) {
        return Latencies.fmt(micros) + " µs";
    }

    private static String rate(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
        }
        if (perSecond >= 1e4) {
            return String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, r >= 10 ? "%.0f×" : "%.2f×", r);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static double load1() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }
}
