package io.procmobility.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmobility.benchmarks.loom.LoomContinuations;
import io.procmobility.benchmarks.loom.LoomSuspendLoop;
import io.procmobility.benchmarks.workload.Fib;
import io.procmobility.benchmarks.workload.MixedFrames;
import io.procmobility.benchmarks.workload.SuspendLoop;
import io.procmobility.continuation.Continuation;
import io.procmobility.internal.CarrierThread;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Runs each workload once, plain and instrumented, so {@code mvn verify} checks the benchmark code without JMH. */
class WorkloadsTest {
    private final InstrumentingLoader loader = new InstrumentingLoader(getClass().getClassLoader());

    private Workload instrumented(Class<? extends Workload> type) {
        Workload w = loader.newInstance(type, Workload.class);
        assertThat(w.getClass().getClassLoader()).isSameAs(loader);
        assertThat(InstrumentingLoader.isInstrumented(w.getClass())).as("%s instrumented", type).isTrue();
        return w;
    }

    @Test
    void fibGivesTheSameResultPlainInstrumentedAndInsideAContinuation() {
        Workload plain = new Fib();
        Workload instr = instrumented(Fib.class);
        assertThat(InstrumentingLoader.isInstrumented(plain.getClass())).isFalse();
        plain.setUp(20, false);
        instr.setUp(20, false);
        plain.run();
        instr.run();
        assertThat(plain.result()).isEqualTo(6765);
        assertThat(instr.result()).isEqualTo(6765);
        Continuation c = Continuation.startWith(instr);
        assertThat(c.isDone()).isTrue();
        assertThat(instr.result()).isEqualTo(6765);
    }

    @Test
    void suspendLoopRoundTripsAtEachDepthOnAPlainThreadAndACarrier() throws Exception {
        for (int depth : new int[] {1, 10, 100}) {
            assertRoundTrips(depth);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread carrier = new CarrierThread(() -> {
                try {
                    assertRoundTrips(depth);
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "test-carrier");
            carrier.start();
            carrier.join();
            assertThat(failure.get()).isNull();
        }
    }

    private void assertRoundTrips(int depth) {
        Workload loop = instrumented(SuspendLoop.class);
        loop.setUp(depth, true);
        Continuation c = Continuation.startWith(loop);
        for (int i = 0; i < 5; i++) {
            assertThat(c.isDone()).isFalse();
            assertThat(c.depth()).isEqualTo(depth);
            assertThat(loop.result()).isEqualTo(i);
            c = Continuation.continueWith(c, null);
        }
        assertThat(loop.result()).isEqualTo(5);
    }

    @Test
    void mixedFramesRestoreEveryLocalPlainAndInstrumentedAgree() {
        Workload plain = new MixedFrames();
        plain.setUp(10, false);
        plain.run();
        Workload instr = instrumented(MixedFrames.class);
        instr.setUp(10, true);
        Continuation c = Continuation.startWith(instr);
        assertThat(c.depth()).isEqualTo(10);
        assertThat(c.value()).isEqualTo("root/1/2/3/4/5/6/7/8/9");
        Continuation done = Continuation.continueWith(c, MixedFrames.VALUE_IN);
        assertThat(done.isDone()).isTrue();
        assertThat(instr.result()).isEqualTo(plain.result());
    }

    @Test
    void mixedFramesSurviveSerializationAndResumeToThePlainResult() {
        Workload plain = new MixedFrames();
        plain.setUp(10, false);
        plain.run();
        SerializedSize serial = new SerializedSize(10);
        byte[] bytes = serial.serializer.serialize(serial.capture());
        assertThat(bytes.length).isBetween(100, 10_000);
        Continuation restored = serial.serializer.deserialize(bytes);
        assertThat(restored.depth()).isEqualTo(10);
        assertThat(Continuation.continueWith(restored, MixedFrames.VALUE_IN).isDone()).isTrue();
        assertThat(((Workload) restored.target()).result()).isEqualTo(plain.result());
    }

    @Test
    void loomLoopYieldsAtEachDepthWhenTheJdkContinuationIsAvailable() {
        assumeTrue(LoomContinuations.available(), LoomContinuations::unavailableReason);
        for (int depth : new int[] {1, 10, 100}) {
            LoomSuspendLoop loop = new LoomSuspendLoop(depth);
            Object c = LoomContinuations.create(loop);
            for (int i = 0; i < 5; i++) {
                LoomContinuations.run(c);
                assertThat(LoomContinuations.isDone(c)).isFalse();
            }
            assertThat(loop.resumes()).isEqualTo(4);
            assertThat(loop.pinned()).isFalse();
        }
    }
}
