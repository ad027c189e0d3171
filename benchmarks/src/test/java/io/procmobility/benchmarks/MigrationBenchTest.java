package io.procmobility.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.procmobility.benchmarks.workload.Hopper;
import io.procmobility.benchmarks.workload.Sink;
import io.procmobility.benchmarks.workload.WindowedSender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link MigrationBench} in its tiny configuration (node b forked as in a real run, 20 timed
 * migrations per mode, 1 s of concurrent migrations, 50 ms of each messaging measure), so {@code mvn verify}
 * checks the harness still works end to end; and checks no forked JVM outlives it.
 */
class MigrationBenchTest {
    @Test
    void theMigrationProcessesAreInstrumented() throws Exception {
        InstrumentingLoader loader = new InstrumentingLoader(getClass().getClassLoader());
        for (Class<?> type : new Class<?>[] {Hopper.class, Sink.class, WindowedSender.class}) {
            assertThat(InstrumentingLoader.isInstrumented(loader.loadClass(type.getName()))).as("%s", type).isTrue();
        }
    }

    @Test
    void aTinyRunBetweenTwoJvmsMeasuresEverythingAndLeavesNoJvmBehind() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MigrationBench.Result result;
        try {
            // Usually ~10 s (JVM start, cold code); the bound is for a loaded 2-core machine.
            result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> MigrationBench.run(MigrationBench.Options.tiny(), new PrintStream(log, true, StandardCharsets.UTF_8)));
        } finally {
            // MigrationBench.run kills node b whatever happens; a timeout interrupts it and it still does.
            List<ProcessHandle> left = ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
            left.forEach(ProcessHandle::destroyForcibly);
            assertThat(left).as("JVMs left running; output:%n%s", log.toString(StandardCharsets.UTF_8)).isEmpty();
        }
        MigrationBench.Options tiny = MigrationBench.Options.tiny();
        assertThat(result.get("sendme.small.n")).isEqualTo(tiny.migrations());
        assertThat(result.get("external.small.n")).isEqualTo(tiny.migrations());
        assertThat(result.get("external.small.commit.n")).isEqualTo(tiny.migrations());
        assertThat(result.get("sendme.deep.n")).isEqualTo(tiny.deepMigrations());
        for (String key : List.of("sendme.small.p50", "external.small.p50", "external.small.commit.p50", "external.small.freeze.p50",
                "sendme.deep.p50", "external.deep.p50", "pingpong.remote.us", "pingpong.local.us", "call.remote.us", "call.local.us",
                "oneway.remote.per_s", "oneway.local.per_s", "throughput.per_s", "freeze.small.p50", "thaw.small.p50",
                "serde.fresh.small.p50", "serde.reused.small.p50")) {
            assertThat(result.get(key)).as(key).isPositive();
        }
        // The process arrives before its origin hears the destination accepted? No: commit comes first.
        assertThat(result.get("external.small.p50")).isGreaterThan(result.get("external.small.freeze.p50"));
        assertThat(result.get("bytes.small")).isBetween(100.0, 2_000.0);
        assertThat(result.get("bytes.deep")).isGreaterThan(result.get("bytes.small"));
        assertThat(result.table()).contains("migration latency", "migrations per second", "one-way messages");
        assertThat(result.summaryLine()).startsWith("migration-bench verify=");

        // The report reads the summary line back.
        MigrationReport.Run run = MigrationReport.parse("run.txt", result.summaryLine());
        assertThat(run.get("sendme.small.p50")).isEqualTo(result.get("sendme.small.p50"), org.assertj.core.data.Offset.offset(0.001));
        assertThat(MigrationReport.table(List.of(run))).contains("capture check", "migrations per second");
    }

    @Test
    void optionsParseOverridesAndRefuseUnknownNames() {
        MigrationBench.Options o = MigrationBench.Options.parse("--migrations=12_000", "--seconds=2.5", "--only=latency,parts");
        assertThat(o.migrations()).isEqualTo(12_000);
        assertThat(o.seconds()).isEqualTo(2.5);
        assertThat(o.runs("latency")).isTrue();
        assertThat(o.runs("throughput")).isFalse();
        assertThat(MigrationBench.Options.parse("--tiny").migrations()).isEqualTo(MigrationBench.Options.tiny().migrations());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MigrationBench.Options.parse("--migration=3"))
                .hasMessageContaining("unknown option --migration");
    }
}
