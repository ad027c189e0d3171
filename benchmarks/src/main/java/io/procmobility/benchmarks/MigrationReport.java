package io.procmobility.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the outputs of several {@link MigrationBench} runs (their last line,
 * {@code migration-bench verify=… jdk=… key=value…}) and prints one Markdown table per JDK with a
 * column per capture-check setting. For each setting it takes the <b>median run</b>: the run
 * whose small-process {@code sendMe} p50 is the median of the runs' (the other runs' p50s are
 * listed under the table, for the spread).
 *
 * <pre>java -cp benchmarks.jar io.procmobility.benchmarks.MigrationReport results/migration-*.txt</pre>
 */
public final class MigrationReport {
    private MigrationReport() {
    }

    /** One run: its settings and metrics. */
    record Run(String file, String verify, int jdk, Map<String, Double> m) {
        double get(String key) {
            return m.getOrDefault(key, Double.NaN);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: MigrationReport migration-run-output.txt...");
            System.exit(2);
        }
        List<Run> runs = new ArrayList<>();
        for (String file : args) {
            Run run = read(Path.of(file));
            if (run != null) {
                runs.add(run);
            } else {
                System.err.println("no migration-bench line in " + file + " (the run failed?)");
            }
        }
        System.out.print(table(runs));
    }

    static Run read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("migration-bench ")) {
                return parse(file.getFileName().toString(), lines.get(i));
            }
        }
        return null;
    }

    static Run parse(String name, String line) {
        String verify = "?";
        int jdk = 0;
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String token : line.substring("migration-bench ".length()).trim().split(" ")) {
            int eq = token.indexOf('=');
            String key = token.substring(0, eq);
            String value = token.substring(eq + 1);
            switch (key) {
                case "verify" -> verify = value;
                case "jdk" -> jdk = Integer.parseInt(value);
                default -> metrics.put(key, Double.parseDouble(value));
            }
        }
        return new Run(name, verify, jdk, metrics);
    }

    /** The tables, one per JDK, median run per setting. */
    static String table(List<Run> runs) {
        StringBuilder out = new StringBuilder();
        Map<Integer, Map<String, List<Run>>> byJdk = new TreeMap<>();
        for (Run r : runs) {
            byJdk.computeIfAbsent(r.jdk(), j -> new TreeMap<>()).computeIfAbsent(r.verify(), v -> new ArrayList<>()).add(r);
        }
        byJdk.forEach((jdk, bySetting) -> {
            List<String> settings = new ArrayList<>(bySetting.keySet()); // "off" before "on"
            Map<String, Run> median = new LinkedHashMap<>();
            for (String s : settings) {
                List<Run> sorted = new ArrayList<>(bySetting.get(s));
                sorted.sort(Comparator.comparingDouble(r -> r.get("sendme.small.p50")));
                median.put(s, sorted.get((sorted.size() - 1) / 2));
            }
            out.append("JDK ").append(jdk).append(":\n\n| measure |");
            settings.forEach(s -> out.append(" capture check ").append(s).append(" |"));
            out.append(" target |\n|---|");
            settings.forEach(s -> out.append("---|"));
            out.append("---|\n");
            for (Row row : ROWS) {
                out.append("| ").append(row.label).append(" |");
                for (String s : settings) {
                    out.append(' ').append(row.cell.apply(median.get(s))).append(" |");
                }
                out.append(' ').append(row.target).append(" |\n");
            }
            out.append('\n');
            for (String s : settings) {
                List<Run> all = bySetting.get(s);
                out.append("- capture check ").append(s).append(": median of ").append(all.size()).append(" run(s) = ")
                        .append(median.get(s).file()).append("; small-process sendMe p50 of each run: ")
                        .append(all.stream().map(r -> f(r.get("sendme.small.p50")) + " µs (load " + f1(r.get("load.before")) + "→"
                                + f1(r.get("load.after")) + ")").collect(Collectors.joining(", ")))
                        .append('\n');
            }
            out.append('\n');
        });
        return out.toString();
    }

    private record Row(String label, Function<Run, String> cell, String target) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("**migration latency, small process, `Mobility.sendMe`** (call → next instruction at the destination), "
                    + "p50 / p90 / p99 / max", r -> "**" + f(r.get("sendme.small.p50")) + "** / " + pct(r, "sendme.small", 90, 99)
                    + " µs", "p50 ≤ 500 µs"),
            new Row("same, ratio of p50 to a remote ping-pong round trip (same run)",
                    r -> x(r.get("sendme.small.p50") / r.get("pingpong.remote.us")), "—"),
            new Row("migration latency, small process, `node.migrate` → the process's first instruction at the destination, "
                    + "p50 / p90 / p99 / max", r -> f(r.get("external.small.p50")) + " / " + pct(r, "external.small", 90, 99) + " µs",
                    "p50 ≤ 500 µs"),
            new Row("`node.migrate` → its future completes (accepted, commit sent), p50 / p90 / p99 / max",
                    r -> f(r.get("external.small.commit.p50")) + " / " + pct(r, "external.small.commit", 90, 99) + " µs", "—"),
            new Row("split, p50: `migrate` returns (freeze + serialize + MIGRATE written) / → commit / commit → running",
                    r -> f(r.get("external.small.freeze.p50")) + " / " + f(r.get("external.small.commit.p50")) + " / "
                            + f(r.get("external.small.commit_to_running.p50")) + " µs", "—"),
            new Row("10-frame process: `sendMe` p50 / p99; `node.migrate` → running p50 / p99",
                    r -> f(r.get("sendme.deep.p50")) + " / " + f(r.get("sendme.deep.p99")) + "; " + f(r.get("external.deep.p50")) + " / "
                            + f(r.get("external.deep.p99")) + " µs", "—"),
            new Row("serialized size (`MigrationResult.bytes()`), small / 10 frames",
                    r -> String.format(Locale.ROOT, "%.0f / %.0f B", r.get("bytes.small"), r.get("bytes.deep")), "—"),
            new Row("**migrations per second**, N processes moving themselves back and forth (`sendMe`) for S s",
                    r -> String.format(Locale.ROOT, "N = %.0f, S = %.0f: ", r.get("throughput.processes"), r.get("throughput.seconds"))
                            + "**" + String.format(Locale.ROOT, "%,.0f", r.get("throughput.per_s")) + "/s** (one process alone: "
                            + String.format(Locale.ROOT, "%,.0f", 1e6 / r.get("sendme.small.p50")) + "/s)", "—"),
            new Row("latency of those migrations, p50 / p99",
                    r -> f(r.get("throughput.latency.p50")) + " / " + f(r.get("throughput.latency.p99")) + " µs", "—"),
            new Row("ping-pong round trip, remote (a ↔ b) vs local (both on a, same JVM)",
                    r -> f(r.get("pingpong.remote.us")) + " vs " + f(r.get("pingpong.local.us")) + " µs = "
                            + x(r.get("pingpong.remote.us") / r.get("pingpong.local.us")), "—"),
            new Row("wire baseline: plain blocking TCP round trip, thread on a ↔ echo thread on b (8 bytes); remote ping-pong / it",
                    r -> f(r.get("tcp.rtt.us")) + " µs; " + x(r.get("pingpong.remote.us") / r.get("tcp.rtt.us")), "—"),
            new Row("gen_server call round trip, remote vs local",
                    r -> f(r.get("call.remote.us")) + " vs " + f(r.get("call.local.us")) + " µs = "
                            + x(r.get("call.remote.us") / r.get("call.local.us")) + " ("
                            + String.format(Locale.ROOT, "%,.0f", 1e6 / r.get("call.remote.us")) + " remote calls/s)", "—"),
            new Row("one-way messages/s, remote vs local (at most W unacknowledged, an ack every A)",
                    r -> String.format(Locale.ROOT, "W = %,.0f, A = %.0f: ", r.get("oneway.window"), r.get("oneway.ack_every"))
                            + k(r.get("oneway.remote.per_s")) + " vs " + k(r.get("oneway.local.per_s")) + " = "
                            + String.format(Locale.ROOT, "%.1f %%", 100 * r.get("oneway.remote.per_s") / r.get("oneway.local.per_s")),
                    "—"),
            new Row("parts, one JVM: `runtime.freeze` / `runtime.thaw`, small process, p50 (allocated; classes loaded per pair)",
                    r -> f(r.get("freeze.small.p50")) + " / " + f(r.get("thaw.small.p50")) + " µs ("
                            + String.format(Locale.ROOT, "%.0f / %.0f KB; %.1f", r.get("freeze.small.alloc") / 1024,
                                    r.get("thaw.small.alloc") / 1024, r.get("freeze_thaw.small.classes")) + ")", "—"),
            new Row("parts: Kryo serialize + deserialize (2-frame continuation), new serializer per call vs one reused, p50",
                    r -> f(r.get("serde.fresh.small.p50")) + " vs " + f(r.get("serde.reused.small.p50")) + " µs = "
                            + x(r.get("serde.fresh.small.p50") / r.get("serde.reused.small.p50")), "—"));

    private static String pct(Run r, String key, int p1, int p2) {
        return f(r.get(key + ".p" + p1)) + " / " + f(r.get(key + ".p" + p2)) + " / " + f(r.get(key + ".max"));
    }

    private static String f(double micros) {
        return Latencies.fmt(micros);
    }

    private static String f1(double d) {
        return Double.isNaN(d) ? "?" : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String x(double ratio) {
        return Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.2f×", ratio);
    }

    private static String k(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return "—";
        }
        return perSecond >= 1e6 ? String.format(Locale.ROOT, "%.2f M", perSecond / 1e6) : String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
    }
}
