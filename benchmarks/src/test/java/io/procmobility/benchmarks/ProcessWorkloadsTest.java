package io.procmobility.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.procmobility.behaviour.MobileServer;
import io.procmobility.benchmarks.workload.Caller;
import io.procmobility.benchmarks.workload.CounterServer;
import io.procmobility.benchmarks.workload.Pinger;
import io.procmobility.benchmarks.workload.Ponger;
import io.procmobility.benchmarks.workload.Quit;
import io.procmobility.benchmarks.workload.Waiter;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.ProcessRuntimeConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Runs the process benchmarks' workloads once (no JMH), so {@code mvn verify} checks them. */
class ProcessWorkloadsTest {
    private final InstrumentingLoader loader = new InstrumentingLoader(getClass().getClassLoader());

    @Test
    void theProcessesThatSuspendAreInstrumented() throws Exception {
        for (Class<?> type : new Class<?>[] {Pinger.class, Ponger.class, Waiter.class, Caller.class, CounterServer.class}) {
            assertThat(InstrumentingLoader.isInstrumented(loader.loadClass(type.getName()))).as("%s", type).isTrue();
        }
    }

    @Test
    void processesPlayPingPongOnOneAndTwoCarriers() throws Exception {
        for (int carriers : new int[] {1, 2}) {
            try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(carriers))) {
                ProcessPingPong pingPong = new ProcessPingPong(runtime, loader);
                assertThat(pingPong.roundTrips(1)).isEqualTo(1);
                assertThat(pingPong.roundTrips(1_000)).isEqualTo(1_000);
                pingPong.close();
                assertThat(runtime.processCount()).isZero();
            }
        }
    }

    @Test
    void aClientProcessCallsAGenServerAndSoDoesAPlainThread() throws Exception {
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(2))) {
            Pid server = runtime.spawn(ProcessWorkloads.create(loader, CounterServer.class)).pid();
            ProcessBatch caller = new ProcessBatch(runtime, loader, Caller.class, server);
            assertThat(caller.run(500)).isEqualTo(500);
            assertThat((Object) MobileServer.call(runtime, server, "ping", Duration.ofSeconds(30))).isEqualTo("ping");
            caller.close();
            assertThat(MobileServer.stop(runtime, server, ExitReason.NORMAL, Duration.ofSeconds(30)).isNormal()).isTrue();
        }
    }

    @Test
    void platformThreadsPlayPingPong() throws Exception {
        try (ThreadPingPong pingPong = ThreadPingPong.platform()) {
            assertThat(pingPong.roundTrips(100)).isEqualTo(100);
        }
    }

    @Test
    void virtualThreadsPlayPingPongOnJdk21Plus() throws Exception {
        assumeTrue(VirtualThreads.available(), VirtualThreads::unavailableReason);
        try (ThreadPingPong pingPong = ThreadPingPong.virtual()) {
            assertThat(pingPong.roundTrips(1_000)).isEqualTo(1_000);
        }
    }

    @Test
    void spawnedProcessesAndThreadsAllEnd() throws Exception {
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(2))) {
            assertThat(SpawnExit.processes(runtime, ProcessWorkloads.factory(loader, Quit.class), new Pid[500])).isEqualTo(500);
            assertThat(runtime.processCount()).isZero();
        }
        assertThat(SpawnExit.threads(SpawnExit::platformThread, new Thread[20])).isEqualTo(20);
        if (VirtualThreads.available()) {
            assertThat(SpawnExit.threads(VirtualThreads::start, new Thread[500])).isEqualTo(500);
        }
    }

    @Test
    void idleMemoryRunsOnAFewThousandProcesses() throws Exception {
        IdleMemory.Result result = IdleMemory.processes(5_000, 2);
        // Only a sanity bound: a few thousand processes are too few for a precise per-process figure.
        assertThat(result.bytesPerProcess).isBetween(50.0, 20_000.0);
    }
}
