package io.procmobility.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** A sorted sample of durations in nanoseconds, with nearest-rank percentiles in microseconds. */
final class Latencies {
    private final long[] sorted;

    Latencies(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100, nearest rank) in µs; NaN when empty. */
    double micros(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e3;
    }

    double maxMicros() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e3;
    }

    double minMicros() {
        return sorted.length == 0 ? Double.NaN : sorted[0] / 1e3;
    }

    double meanMicros() {
        return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(Double.NaN) / 1e3;
    }

    /** {@code p50 / p90 / p99 / max} in µs. */
    String summary() {
        return String.format(Locale.ROOT, "%s / %s / %s / %s", fmt(micros(50)), fmt(micros(90)), fmt(micros(99)), fmt(maxMicros()));
    }

    static String fmt(double micros) {
        if (Double.isNaN(micros)) {
            return "—";
        }
        if (micros >= 100) {
            return String.format(Locale.ROOT, "%,.0f", micros);
        }
        return String.format(Locale.ROOT, micros >= 10 ? "%.1f" : "%.2f", micros);
    }
}
