package io.procmobility.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void nullAndBlankMeanDefaults() {
        for (String args : new String[] {null, "", "  "}) {
            AgentOptions options = AgentOptions.parse(args);
            assertThat(options.includes()).isEmpty();
            assertThat(options.excludes()).isEmpty();
            assertThat(options.verbose()).isFalse();
            assertThat(options.dumpDirectory()).isNull();
        }
    }

    @Test
    void includesBySemicolonAndByRepetition() {
        AgentOptions options = AgentOptions.parse("include=com.acme.**;org.example.*,include=net.Foo");
        assertThat(options.includes()).containsExactly("com.acme.**", "org.example.*", "net.Foo");
        assertThat(options.instrumenterConfig().matches("com/acme/deep/Counter")).isTrue();
        assertThat(options.instrumenterConfig().matches("org/example/Job")).isTrue();
        assertThat(options.instrumenterConfig().matches("org/example/sub/Job")).isFalse();
        assertThat(options.instrumenterConfig().matches("net/Foo")).isTrue();
    }

    @Test
    void excludesWinOverIncludes() {
        AgentOptions options = AgentOptions.parse("include=com.acme.**,exclude=com.acme.gen.**;com.acme.Big");
        assertThat(options.excludes()).containsExactly("com.acme.gen.**", "com.acme.Big");
        assertThat(options.instrumenterConfig().matches("com/acme/gen/X")).isFalse();
        assertThat(options.instrumenterConfig().matches("com/acme/Big")).isFalse();
        assertThat(options.instrumenterConfig().matches("com/acme/Small")).isTrue();
    }

    @Test
    void verboseAndDump() {
        AgentOptions options = AgentOptions.parse(" verbose , dump=/tmp/pm-dump ");
        assertThat(options.verbose()).isTrue();
        assertThat(options.dumpDirectory()).isEqualTo(Path.of("/tmp/pm-dump"));
        assertThat(AgentOptions.parse("verbose=false").verbose()).isFalse();
        assertThat(AgentOptions.parse("verbose=TRUE").verbose()).isTrue();
    }

    @Test
    void emptyOptionsBetweenCommasAreIgnored() {
        assertThat(AgentOptions.parse("include=a.**,,verbose,").includes()).containsExactly("a.**");
    }

    @Test
    void unknownOptionListsTheValidOnes() {
        assertThatThrownBy(() -> AgentOptions.parse("include=com.acme.**,inclde=org.**"))
                .isInstanceOf(AgentOptionsException.class)
                .hasMessageContaining("Unknown procmobility agent option 'inclde'")
                .hasMessageContaining("include=PATTERN")
                .hasMessageContaining("exclude=PATTERN")
                .hasMessageContaining("verbose")
                .hasMessageContaining("dump=DIRECTORY");
    }

    @Test
    void missingValuesAreErrors() {
        assertThatThrownBy(() -> AgentOptions.parse("include")).isInstanceOf(AgentOptionsException.class)
                .hasMessageContaining("'include' needs a value");
        assertThatThrownBy(() -> AgentOptions.parse("exclude=")).isInstanceOf(AgentOptionsException.class);
        assertThatThrownBy(() -> AgentOptions.parse("include=;;")).isInstanceOf(AgentOptionsException.class)
                .hasMessageContaining("has no pattern");
        assertThatThrownBy(() -> AgentOptions.parse("dump")).isInstanceOf(AgentOptionsException.class)
                .hasMessageContaining("needs a directory");
        assertThatThrownBy(() -> AgentOptions.parse("verbose=yes")).isInstanceOf(AgentOptionsException.class);
    }

    @Test
    void badPatternNamesTheOptions() {
        assertThatThrownBy(() -> AgentOptions.parse("include=com.acme.(x)"))
                .isInstanceOf(AgentOptionsException.class)
                .hasMessageContaining("Bad class pattern")
                .hasMessageContaining("com.acme.(x)");
    }

    @Test
    void toStringRoundTrips() {
        String args = "include=com.acme.**;org.*,exclude=com.acme.gen.**,verbose,dump=/tmp/d";
        AgentOptions options = AgentOptions.parse(args);
        assertThat(options.toString()).isEqualTo(args);
        assertThat(AgentOptions.parse(options.toString())).isEqualTo(options);
    }
}
