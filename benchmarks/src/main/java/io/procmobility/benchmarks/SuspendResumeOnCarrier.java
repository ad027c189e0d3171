package io.procmobility.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link SuspendResumeBenchmarks} on a {@link io.procmobility.internal.CarrierThread} (Loom too, for the same JIT conditions). */
@Fork(jvmArgsAppend = {SuspendResumeBenchmarks.ADD_EXPORTS, CarrierExecutor.EXECUTOR, CarrierExecutor.EXECUTOR_CLASS})
public class SuspendResumeOnCarrier extends SuspendResumeBenchmarks {
    @Override
    protected boolean onCarrier() {
        return true;
    }
}
