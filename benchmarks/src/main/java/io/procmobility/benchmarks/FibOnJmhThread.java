package io.procmobility.benchmarks;

/** {@link FibBenchmarks} on JMH's own (plain platform) worker thread. */
public class FibOnJmhThread extends FibBenchmarks {
    @Override
    protected boolean onCarrier() {
        return false;
    }
}
