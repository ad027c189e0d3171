package io.procmobility.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmobility.process.Pid;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The default registry of a one-node cluster: same rules, completed futures, no events. */
class SingleNodeRegistryTest {
    private static final Pid P = new Pid(42, 1);
    private static final Pid Q = new Pid(42, 2);

    @Test
    void writesCompleteAtOnceAndReadsSeeThem() {
        try (SingleNodeRegistry registry = new SingleNodeRegistry("solo")) {
            assertThat(registry.localNode()).isEqualTo("solo");
            assertThat(registry.members()).containsExactly("solo");
            assertThat(registry.claim(P, "solo", 0)).isCompleted();
            assertThat(registry.registerName("svc", P)).isCompleted();
            assertThat(registry.locate(P)).contains(new Location(P, "solo", 0, null));
            assertThat(registry.whereis("svc")).contains(P);

            assertThatThrownBy(() -> registry.registerName("svc", Q).join())
                    .isInstanceOf(CompletionException.class).hasCauseInstanceOf(NameTakenException.class);
            assertThatThrownBy(() -> registry.claim(P, "solo", -1).join()).hasCauseInstanceOf(StaleEpochException.class);

            assertThat(registry.release(P, 0)).isCompleted();
            assertThat(registry.whereis("svc")).isEmpty();
            assertThat(registry.unregisterName("svc", P).join()).isFalse();
            assertThat(registry.nodeDown("solo")).isEmpty();
            assertThat(registry.endpoint("solo")).isEmpty();
        }
        try (SingleNodeRegistry registry = new SingleNodeRegistry("solo", "127.0.0.1:1805")) {
            assertThat(registry.endpoint("solo")).contains("127.0.0.1:1805");
            assertThat(registry.endpoint("other")).isEmpty();
        }
    }

    @Test
    void aClosedRegistryRefusesWrites() {
        SingleNodeRegistry registry = new SingleNodeRegistry("solo");
        registry.close();
        assertThatThrownBy(() -> registry.claim(P, "solo", 0).join()).hasCauseInstanceOf(RegistryException.class)
                .hasMessageContaining("node solo is closed");
        assertThatThrownBy(() -> new SingleNodeRegistry(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
