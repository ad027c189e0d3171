package io.procmobility.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Start-up cost of the agent: wall time of a trivial main, with and without
 * {@code -javaagent}, alternating runs, on the test's JDK and on JDK 25 when there is one; plus the
 * agent's own {@code installed in ... ms} (option {@code verbose}). Reported (stdout and
 * target/it/startup/startup-overhead.txt), not asserted: timings on a shared machine are too noisy
 * for a threshold.
 */
class StartupOverheadIT {
    private static final int RUNS = 7;
    private static final Pattern INSTALLED = Pattern.compile("installed in (\\d+) ms");

    @Test
    void measureStartUpOverhead() throws Exception {
        Path dir = ForkedJvm.workDir("startup");
        StringBuilder report = new StringBuilder();
        report.append(measure(dir, Path.of(System.getProperty("java.home"))));
        Path jdk25 = Path.of(System.getProperty("jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        if (Files.isExecutable(jdk25.resolve("bin/java"))) {
            report.append(measure(dir, jdk25));
        }
        report.append(String.format(Locale.ROOT, "  load average: %s%n", loadAverage()));
        System.out.print(report);
        Files.writeString(dir.resolve("startup-overhead.txt"), report, StandardCharsets.UTF_8);
    }

    private static String measure(Path dir, Path javaHome) throws Exception {
        ForkedJvm.runOn(javaHome, dir, null, "noop"); // warm the file-system cache
        ForkedJvm.runOn(javaHome, dir, AgentIT.INCLUDE, "noop");
        List<Long> without = new ArrayList<>();
        List<Long> with = new ArrayList<>();
        List<Long> installed = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            without.add(timed(javaHome, dir, null).elapsed().toMillis());
            with.add(timed(javaHome, dir, AgentIT.INCLUDE).elapsed().toMillis());
            Matcher m = INSTALLED.matcher(timed(javaHome, dir, AgentIT.INCLUDE + ",verbose").err());
            assertThat(m.find()).isTrue();
            installed.add(Long.parseLong(m.group(1)));
        }
        long base = median(without);
        long agent = median(with);
        assertThat(agent).isPositive();
        return String.format(Locale.ROOT,
                "procmobility agent start-up overhead (trivial main, median of %d runs, %s): "
                        + "without agent %d ms, with agent %d ms, overhead %d ms, 'installed in' %d ms%n"
                        + "  without:   %s%n  with:      %s%n  installed: %s%n",
                RUNS, javaHome, base, agent, agent - base, median(installed), without, with, installed);
    }

    private static ForkedJvm.Result timed(Path javaHome, Path dir, String agentOptions) throws Exception {
        ForkedJvm.Result run = ForkedJvm.runOn(javaHome, dir, agentOptions, "noop");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsExactly("noop");
        return run;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
