package io.procmobility.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.mobility.SerializerBridge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Strong mobility end to end: a JVM with the agent runs a journey to its first suspension and
 * writes the continuation to a file; a second, fresh JVM with the agent reads it and runs it to the
 * end. Together they print what one JVM prints.
 */
class MigrationIT {

    @Test
    void aContinuationStartedInOneJvmEndsInAnother() throws Exception {
        Assumptions.assumeTrue(SerializerBridge.available(),
                "io.procmobility.serial.ContinuationSerializer is not on main yet: merge the serializer branch");
        Path dir = ForkedJvm.workDir("migration");
        Path file = dir.resolve("journey.continuation");

        ForkedJvm.Result first = ForkedJvm.run(dir, AgentIT.INCLUDE, "start", file.toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).as(first.toString()).containsExactly("journey starts", "suspended: leg0");

        ForkedJvm.Result second = ForkedJvm.run(dir, AgentIT.INCLUDE, "resume", file.toString());
        assertThat(second.exitCode()).as(second.toString()).isZero();

        List<String> combined = new ArrayList<>(first.out());
        combined.addAll(second.out());
        assertThat(combined).as(first + "\n" + second).containsExactly(
                "journey starts",
                "suspended: leg0",
                "resumed: leg0",
                "leg 0 total=1 trail=0",
                "suspended: leg1",
                "leg 1 total=12 trail=01",
                "suspended: leg2",
                "leg 2 total=33 trail=012",
                "journey ends total=33");
    }
}
