package io.procmobility.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.procmobility.process.Endpoint;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessInfo;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.ProcessRuntimeConfig;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecursiveSumTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private ProcessRuntime runtime;
    private ProcessRuntime other;
    private final BlockingQueue<Object> reports = new LinkedBlockingQueue<>();
    private Endpoint reporter;

    @BeforeEach
    void start() {
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(2));
        other = ProcessRuntime.start(ProcessRuntimeConfig.defaults().withCarrierThreads(2));
        reporter = runtime.openEndpoint(reports::add);
    }

    @AfterEach
    void stop() {
        reporter.close();
        runtime.close();
        other.close();
    }

    private RecursiveSum.Summed result() throws InterruptedException {
        Object report = reports.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(report).as("a result within %s", WAIT).isInstanceOf(RecursiveSum.Summed.class);
        return (RecursiveSum.Summed) report;
    }

    @Test
    void yieldingAtDepthItStillSumsCorrectly() throws Exception {
        Pid pid = runtime.spawn(new RecursiveSum(2_000, 50, Duration.ZERO, reporter.pid(), false)).pid();
        RecursiveSum.Summed summed = result();
        assertThat(summed.sum()).isEqualTo(RecursiveSum.expected(2_000)).isEqualTo(2_001_000L);
        assertThat(summed.process()).isEqualTo(pid);
        assertThat(runtime.awaitExit(pid, WAIT)).isEqualTo(ExitReason.NORMAL);
    }

    @Test
    void whileItPausesItWaitsInsideTheRecursion() {
        Pid pid = runtime.spawn(new RecursiveSum(300, 100, Duration.ofSeconds(30), null, false)).pid();
        await().atMost(WAIT).until(() -> runtime.processes().stream().filter(p -> p.pid().equals(pid))
                .map(ProcessInfo::location).anyMatch(where -> where.contains("RecursiveSum.checkpoint")));
        runtime.exit(pid, ExitReason.KILLED);
    }

    @Test
    void frozenDeepInTheRecursionItFinishesInAnotherRuntime() throws Exception {
        Moves.routeTo(other, runtime); // the result comes back to the reporter here
        // 10 pauses of 50 ms: it spends nearly all its time suspended at a checkpoint, 100 to 1,000 frames deep
        Pid pid = runtime.spawn(new RecursiveSum(1_000, 100, Duration.ofMillis(50), reporter.pid(), false)).pid();

        Moves.move(pid, runtime, other);

        RecursiveSum.Summed summed = result();
        assertThat(summed.sum()).isEqualTo(RecursiveSum.expected(1_000));
        assertThat(other.awaitExit(pid, WAIT)).isEqualTo(ExitReason.NORMAL);
        assertThat(runtime.isAlive(pid)).isFalse();
    }

    @Test
    void rejectsNonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RecursiveSum(0, 1, Duration.ZERO, null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
