package io.procmobility.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LineTokenizerTest {
    @Test
    void splitsAtSpacesButKeepsQuotesAndListsWhole() {
        assertThat(LineTokenizer.split("  call   kv [put, color, \"dark blue\"]  2000 "))
                .containsExactly("call", "kv", "[put, color, \"dark blue\"]", "2000");
        assertThat(LineTokenizer.split("send x \"a [ b\"")).containsExactly("send", "x", "\"a [ b\"");
        assertThat(LineTokenizer.split("send x \"say \\\"hi\\\"\"")).containsExactly("send", "x", "\"say \\\"hi\\\"\"");
        assertThat(LineTokenizer.split("send x [a, [b, c]]")).containsExactly("send", "x", "[a, [b, c]]");
        assertThat(LineTokenizer.split("")).isEmpty();
    }

    @Test
    void unclosedQuotesAndBracketsAreErrors() {
        assertThatThrownBy(() -> LineTokenizer.split("send x \"open")).isInstanceOf(UserError.class)
                .hasMessage("unclosed quote: add a closing \"");
        assertThatThrownBy(() -> LineTokenizer.split("send x [[a]")).hasMessage("unclosed '[': add ]");
        assertThatThrownBy(() -> LineTokenizer.split("send x a]")).hasMessage("unexpected ']' at column 9");
    }
}
