package io.procmobility.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Start-up cost of the agent: wall time of a trivial main, with and without
 * {@code -javaagent}, alternating runs. Reported (stdout and target/it/startup/startup-overhead.txt),
 * not asserted: timings on a shared machine are too noisy for a threshold.
 */
class StartupOverheadIT {
    private static final int RUNS = 5;

    @Test
    void measureStartUpOverhead() throws Exception {
        Path dir = ForkedJvm.workDir("startup");
        ForkedJvm.run(dir, null, "noop"); // warm the file-system cache
        ForkedJvm.run(dir, AgentIT.INCLUDE, "noop");
        List<Long> without = new ArrayList<>();
        List<Long> with = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            without.add(timed(dir, null));
            with.add(timed(dir, AgentIT.INCLUDE));
        }
        long base = median(without);
        long agent = median(with);
        String report = String.format(Locale.ROOT,
                "procmobility agent start-up overhead (trivial main, median of %d runs, JDK %s): "
                        + "without agent %d ms, with agent %d ms, overhead %d ms%n  without: %s%n  with:    %s%n",
                RUNS, Runtime.version(), base, agent, agent - base, without, with);
        System.out.print(report);
        Files.writeString(dir.resolve("startup-overhead.txt"), report, StandardCharsets.UTF_8);
        assertThat(agent).isPositive();
    }

    private static long timed(Path dir, String agentOptions) throws Exception {
        ForkedJvm.Result run = ForkedJvm.run(dir, agentOptions, "noop");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsExactly("noop");
        return run.elapsed().toMillis();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
