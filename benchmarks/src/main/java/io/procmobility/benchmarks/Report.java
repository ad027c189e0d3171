package io.procmobility.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JMH JSON result files and prints a Markdown table of each benchmark against its baseline
 * from the same file (same run): {@code plain} for the instrumented variants, {@code loom} for
 * {@code ours}, {@code plainRun} for the capture variants. Scores are the median of the
 * measurement iterations (min–max in brackets), and ratios are ratios of medians: on a shared
 * 2-core machine a few iterations are hit by other processes, which moves the mean a lot and the
 * median little.
 *
 * <p>A second table covers the process benchmarks ({@link ProcessBenchmarks},
 * {@link ProcessUnverifiedBenchmarks}: each against the thread baselines of the same file and the
 * Erlang/OTP 25 numbers of LESSONS.md) and {@link IdleMemory} output files ({@code *.txt}).
 *
 * <pre>java -cp benchmarks.jar io.procmobility.benchmarks.Report results/*.json [results/idle-memory-*.txt]</pre>
 */
public final class Report {
    /** Baseline method and target ratio per measured method. */
    private static final Map<String, String[]> BASELINES = Map.of(
            "instrumented", new String[] {"plain", "<= 1.2"},
            "instrumentedInContinuation", new String[] {"plain", "<= 1.2"},
            "ours", new String[] {"loom", "<= 2.0"},
            "capture", new String[] {"plainRun", "-"},
            "captureAndResume", new String[] {"plainRun", "-"},
            "serializeDeserialize", new String[] {"plainRun", "-"},
            "captureSerializeDeserialize", new String[] {"plainRun", "-"});

    private Report() {
    }

    /** Process benchmarks: baselines (method in ProcessBenchmarks, label), Erlang/OTP 25 reference in ns (LESSONS.md). */
    private static final Map<String, String[][]> PROCESS_BASELINES = Map.of(
            "pingPong", new String[][] {
                {"pingPongPlatformThreads", "2 platform threads, SynchronousQueue"},
                {"pingPongVirtualThreads", "2 virtual threads, SynchronousQueue"}},
            "spawnExit", new String[][] {
                {"spawnExitPlatformThreads", "platform thread start + join"},
                {"spawnExitVirtualThreads", "virtual thread start + join"}},
            "serverCall", new String[][] {
                {"pingPong", "bare process round trip (pingPong)"}},
            "serverCallFromThread", new String[][] {
                {"pingPongPlatformThreads", "2 platform threads, SynchronousQueue"},
                {"pingPongVirtualThreads", "2 virtual threads, SynchronousQueue"}});
    /** LESSONS.md has no gen_server call figure. */
    private static final Map<String, Double> ERLANG_NS = Map.of("pingPong", 338.0, "spawnExit", 1e9 / 0.81e6);
    private static final String PROCESS_OWNER = "io.procmobility.benchmarks.ProcessBenchmarks";
    /** Erlang/OTP 25 idle process on this machine (LESSONS.md), and the DESIGN.md §6 target. */
    private static final double ERLANG_IDLE_BYTES = 2714;
    private static final double IDLE_TARGET_BYTES = 1024;

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: Report jmh-results.json... [idle-memory-*.txt...]");
            System.exit(2);
        }
        List<String> continuationRows = new ArrayList<>();
        List<String> processRows = new ArrayList<>();
        for (String file : args) {
            if (file.endsWith(".txt")) {
                idleMemoryRow(Path.of(file), processRows);
            } else {
                printFile(Path.of(file), continuationRows, processRows);
            }
        }
        boolean anyProcessRows = !processRows.isEmpty();
        if (!continuationRows.isEmpty() || !anyProcessRows) {
            System.out.println("| benchmark | params | baseline | ours | ratio | target | JDK |");
            System.out.println("|---|---|---|---|---|---|---|");
            continuationRows.forEach(System.out::println);
            System.out.println();
            System.out.println("Serialized continuation of the 10-frame MixedFrames stack: "
                    + SerializedSize.bytes(10) + " bytes (Kryo, references on).");
        }
        if (anyProcessRows) {
            if (!continuationRows.isEmpty()) {
                System.out.println();
            }
            System.out.println("Processes (times per op; ratios < 1 mean ours is faster / smaller):");
            System.out.println();
            System.out.println("| benchmark | params | baseline (same run) | ours | ours / baseline | Erlang/OTP 25 | ours / Erlang | JDK |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            processRows.forEach(System.out::println);
        }
    }

    private static void printFile(Path file, List<String> rows, List<String> processRows) throws IOException {
        Object parsed = new Json(Files.readString(file)).value();
        if (!(parsed instanceof List)) {
            throw new IllegalArgumentException(file + " is not a JMH JSON result (an array)");
        }
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        for (Object o : (List<?>) parsed) {
            @SuppressWarnings("unchecked")
            Map<String, Object> run = (Map<String, Object>) o;
            byKey.put(key((String) run.get("benchmark"), run.get("params")), run);
        }
        for (Map<String, Object> run : byKey.values()) {
            String benchmark = (String) run.get("benchmark");
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String owner = benchmark.substring(0, benchmark.lastIndexOf('.'));
            String name = owner.substring(owner.lastIndexOf('.') + 1) + "." + method;
            String jdk = run.get("jdkVersion") + "";
            if (owner.startsWith(PROCESS_OWNER.substring(0, PROCESS_OWNER.lastIndexOf('.') + 1) + "Process")
                    && PROCESS_BASELINES.containsKey(method)) {
                processRows(byKey, run, method, name, jdk, processRows);
                continue;
            }
            String[] baseline = BASELINES.get(method);
            if (baseline == null) {
                continue;
            }
            Map<String, Object> base = byKey.get(key(owner + "." + baseline[0], run.get("params")));
            String ours = score(run);
            if (base == null) {
                rows.add(String.format(Locale.ROOT, "| %s | %s | (no %s in this run) | %s | - | %s | %s |",
                        name, params(run.get("params")), baseline[0], ours, baseline[1], jdk));
                continue;
            }
            double ratio = number(run) / number(base);
            rows.add(String.format(Locale.ROOT, "| %s | %s | %s: %s | %s | **%.2f×** | %s | %s |",
                    name, params(run.get("params")), baseline[0], score(base), ours, ratio, baseline[1], jdk));
        }
    }

    private static void processRows(Map<String, Map<String, Object>> byKey, Map<String, Object> run, String method,
            String name, String jdk, List<String> rows) {
        String label = name + (name.startsWith("ProcessUnverified") ? " (verifyCapture=false)" : " (capture verified)");
        double ours = number(run);
        Double erlang = ERLANG_NS.get(method);
        String oursText = score(run) + " = " + rate(ours);
        String erlangText = erlang == null ? "-" : round(erlang) + " ns = " + rate(erlang);
        String vsErlang = erlang == null ? "-" : String.format(Locale.ROOT, "%.2f×", ours / erlang);
        String owner = ((String) run.get("benchmark")).substring(0, ((String) run.get("benchmark")).lastIndexOf('.'));
        boolean any = false;
        for (String[] baseline : PROCESS_BASELINES.get(method)) {
            // Same class and params first (serverCall vs its own pingPong), then ProcessBenchmarks' thread baselines.
            Map<String, Object> base = byKey.get(key(owner + "." + baseline[0], run.get("params")));
            if (base == null) {
                base = byKey.get(key(PROCESS_OWNER + "." + baseline[0], null));
            }
            if (base == null) {
                continue;
            }
            any = true;
            rows.add(String.format(Locale.ROOT, "| %s | %s | %s: %s = %s | %s | **%s×** | %s | %s | %s |",
                    label, params(run.get("params")), baseline[1], score(base), rate(number(base)), oursText,
                    ratio(ours / number(base)), erlangText, vsErlang, jdk));
        }
        if (!any) {
            rows.add(String.format(Locale.ROOT, "| %s | %s | (no baseline in this run) | %s | - | %s | %s | %s |",
                    label, params(run.get("params")), oursText, erlangText, vsErlang, jdk));
        }
    }

    /** A row from {@code IdleMemory}'s last line ({@code idle-memory jdk=.. processes=.. bytesPerProcess=.. virtualThreadBytes=..}). */
    private static void idleMemoryRow(Path file, List<String> rows) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("idle-memory ")) {
                for (String field : line.substring("idle-memory ".length()).trim().split(" ")) {
                    int eq = field.indexOf('=');
                    fields.put(field.substring(0, eq), field.substring(eq + 1));
                }
            }
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException(file + " has no 'idle-memory ...' line (IdleMemory output)");
        }
        double ours = Double.parseDouble(fields.get("bytesPerProcess"));
        String virtual = fields.getOrDefault("virtualThreadBytes", "-");
        String baseline = "-".equals(virtual) ? "(virtual threads need JDK 21+)"
                : String.format(Locale.ROOT, "parked virtual thread + own queue: %.0f B", Double.parseDouble(virtual));
        String ratio = "-".equals(virtual) ? "-" : String.format(Locale.ROOT, "**%.2f×**", ours / Double.parseDouble(virtual));
        rows.add(String.format(Locale.ROOT, "| IdleMemory: heap per process suspended in receive (target ≤ %.0f B) | n=%s | %s | %.0f B%s | %s | %,.0f B (875 B hibernated) | %.2f× | %s |",
                IDLE_TARGET_BYTES, fields.get("processes"), baseline, ours, ours <= IDLE_TARGET_BYTES ? "" : " ✗",
                ratio, ERLANG_IDLE_BYTES, ours / ERLANG_IDLE_BYTES, fields.get("jdk")));
    }

    /** Two decimals, or three significant digits below 0.1 (a ratio of 0.003 must not print as 0.00). */
    private static String ratio(double r) {
        return r >= 0.1 ? String.format(Locale.ROOT, "%.2f", r) : String.format(Locale.ROOT, "%.2g", r);
    }

    /** Operations per second for a time per op in ns. */
    private static String rate(double nsPerOp) {
        double perSecond = 1e9 / nsPerOp;
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M/s", perSecond / 1e6);
        }
        if (perSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.3g k/s", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.3g /s", perSecond);
    }

    private static String key(String benchmark, Object params) {
        return benchmark + " " + params(params);
    }

    private static String params(Object params) {
        if (!(params instanceof Map)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        ((Map<?, ?>) params).forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return out.toString();
    }

    /** Median of the per-iteration scores of all forks: robust against iterations hit by other load. */
    private static double number(Map<String, Object> run) {
        List<Double> scores = iterations(run);
        if (scores.isEmpty()) {
            return ((Number) metric(run).get("score")).doubleValue();
        }
        int n = scores.size();
        return n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2;
    }

    private static List<Double> iterations(Map<String, Object> run) {
        List<Double> scores = new ArrayList<>();
        Object raw = metric(run).get("rawData");
        if (raw instanceof List) {
            for (Object fork : (List<?>) raw) {
                for (Object score : (List<?>) fork) {
                    scores.add(((Number) score).doubleValue());
                }
            }
        }
        scores.sort(null);
        return scores;
    }

    private static String score(Map<String, Object> run) {
        List<Double> scores = iterations(run);
        String range = scores.size() > 1
                ? " (" + round(scores.get(0)) + "–" + round(scores.get(scores.size() - 1)) + ")" : "";
        return round(number(run)) + " " + metric(run).get("scoreUnit") + range;
    }

    private static String round(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static Map<?, ?> metric(Map<String, Object> run) {
        return (Map<?, ?>) run.get("primaryMetric");
    }

    /** Just enough JSON for JMH's result files. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            switch (c) {
                case '{': return object();
                case '[': return array();
                case '"': return string();
                case 't': i += 4; return Boolean.TRUE;
                case 'f': i += 5; return Boolean.FALSE;
                case 'n': i += 4; return null;
                default: return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            i++;
            skip();
            if (s.charAt(i) == '}') {
                i++;
                return map;
            }
            while (true) {
                skip();
                String k = string();
                skip();
                expect(':');
                map.put(k, value());
                skip();
                if (s.charAt(i++) == '}') {
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            i++;
            skip();
            if (s.charAt(i) == ']') {
                i++;
                return list;
            }
            while (true) {
                list.add(value());
                skip();
                if (s.charAt(i++) == ']') {
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n': out.append('\n'); break;
                        case 't': out.append('\t'); break;
                        case 'r': out.append('\r'); break;
                        case 'b': out.append('\b'); break;
                        case 'f': out.append('\f'); break;
                        case 'u': out.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                        default: out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private Object number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String text = s.substring(start, i);
            if (text.isEmpty()) {
                // JMH writes "NaN" for a missing error.
                if (s.startsWith("\"NaN\"", i) || s.startsWith("NaN", i)) {
                    i += s.startsWith("\"", i) ? 5 : 3;
                    return Double.NaN;
                }
                throw new IllegalArgumentException("bad JSON at " + i + ": " + s.substring(i, Math.min(s.length(), i + 20)));
            }
            return Double.parseDouble(text);
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
