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
 * <pre>java -cp benchmarks.jar io.procmobility.benchmarks.Report results/*.json</pre>
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

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: Report results.json...");
            System.exit(2);
        }
        System.out.println("| benchmark | params | baseline | ours | ratio | target | JDK |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String file : args) {
            printFile(Path.of(file));
        }
        System.out.println();
        System.out.println("Serialized continuation of the 10-frame MixedFrames stack: "
                + SerializedSize.bytes(10) + " bytes (Kryo, references on).");
    }

    private static void printFile(Path file) throws IOException {
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
            String[] baseline = BASELINES.get(method);
            if (baseline == null) {
                continue;
            }
            String owner = benchmark.substring(0, benchmark.lastIndexOf('.'));
            Map<String, Object> base = byKey.get(key(owner + "." + baseline[0], run.get("params")));
            String name = owner.substring(owner.lastIndexOf('.') + 1) + "." + method;
            String jdk = run.get("jdkVersion") + "";
            String ours = score(run);
            if (base == null) {
                System.out.printf(Locale.ROOT, "| %s | %s | (no %s in this run) | %s | - | %s | %s |%n",
                        name, params(run.get("params")), baseline[0], ours, baseline[1], jdk);
                continue;
            }
            double ratio = number(run) / number(base);
            System.out.printf(Locale.ROOT, "| %s | %s | %s: %s | %s | **%.2f×** | %s | %s |%n",
                    name, params(run.get("params")), baseline[0], score(base), ours, ratio, baseline[1], jdk);
        }
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
