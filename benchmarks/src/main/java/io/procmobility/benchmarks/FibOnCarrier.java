package io.procmobility.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link FibBenchmarks} on a {@link io.procmobility.internal.CarrierThread}. */
@Fork(jvmArgsAppend = {CarrierExecutor.EXECUTOR, CarrierExecutor.EXECUTOR_CLASS})
public class FibOnCarrier extends FibBenchmarks {
    @Override
    protected boolean onCarrier() {
        return true;
    }
}
