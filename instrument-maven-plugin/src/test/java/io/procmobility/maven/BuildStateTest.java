package io.procmobility.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStateTest {
    @TempDir
    Path dir;

    @Test
    void whatARunRecordsTheNextRunFindsUnchanged() throws Exception {
        Path file = dir.resolve("deep/instrument.state");
        BuildState first = BuildState.load(file, "config-a");
        assertThat(first.unchanged("com/acme/A.class", "h1")).isFalse();
        first.record("com/acme/A.class", "h1");
        first.record("com/acme/B C$1.class", "h2");
        first.save();

        BuildState second = BuildState.load(file, "config-a");
        assertThat(second.unchanged("com/acme/A.class", "h1")).isTrue();
        assertThat(second.unchanged("com/acme/B C$1.class", "h2")).isTrue();
        assertThat(second.unchanged("com/acme/A.class", "other")).isFalse();
    }

    @Test
    void anotherConfigurationOrAFreshStateRemembersNothing() throws Exception {
        Path file = dir.resolve("instrument.state");
        BuildState first = BuildState.load(file, "config-a");
        first.record("A.class", "h1");
        first.save();

        assertThat(BuildState.load(file, "config-b").unchanged("A.class", "h1")).isFalse();
        assertThat(BuildState.fresh(file, "config-a").unchanged("A.class", "h1")).isFalse();
    }

    @Test
    void classesNotSeenByTheLastRunAreForgotten() throws Exception {
        Path file = dir.resolve("instrument.state");
        BuildState first = BuildState.load(file, "c");
        first.record("Gone.class", "h1");
        first.save();
        BuildState second = BuildState.load(file, "c");
        second.record("Kept.class", "h2");
        second.save();

        assertThat(BuildState.load(file, "c").unchanged("Gone.class", "h1")).isFalse();
        assertThat(Files.readString(file)).doesNotContain("Gone.class").contains("h2 Kept.class");
    }

    @Test
    void aDamagedFileOnlyCostsAFullRun() throws Exception {
        Path file = dir.resolve("instrument.state");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});

        assertThat(BuildState.load(file, "c").unchanged("A.class", "h")).isFalse();
    }

    @Test
    void hashesAreHexSha256() {
        assertThat(BuildState.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
