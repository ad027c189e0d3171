package io.procmobility.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link SuspendResumeBenchmarks} on JMH's own (plain platform) worker thread. */
@Fork(jvmArgsAppend = SuspendResumeBenchmarks.ADD_EXPORTS)
public class SuspendResumeOnJmhThread extends SuspendResumeBenchmarks {
    @Override
    protected boolean onCarrier() {
        return false;
    }
}
