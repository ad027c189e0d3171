package io.procmobility.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link SuspendResumeOnCarrier} with {@code -Dprocmobility.verifyCapture=false}: no stack walk before
 * each capture. Shows what the walk costs; the default (verified) configuration is the one the
 * target applies to.
 */
@Fork(jvmArgsAppend = {SuspendResumeBenchmarks.ADD_EXPORTS, CarrierExecutor.EXECUTOR, CarrierExecutor.EXECUTOR_CLASS,
        "-Dprocmobility.verifyCapture=false"})
public class SuspendResumeUnverifiedOnCarrier extends SuspendResumeBenchmarks {
    @Override
    protected boolean onCarrier() {
        return true;
    }
}
