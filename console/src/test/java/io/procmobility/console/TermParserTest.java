package io.procmobility.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmobility.process.Pid;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermParserTest {
    private static final Pid PID = new Pid(0x1a2b3c4d5e6f7081L, 7);
    private final TermParser parser = new TermParser(text -> {
        if (text.equals("<1a2b3c4d.7>")) {
            return PID;
        }
        throw new UserError("no known process " + text);
    });

    @Test
    void numbersBecomeIntegersLongsBigIntegersOrDoubles() {
        assertThat(parser.parse("42")).isEqualTo(42);
        assertThat(parser.parse("-7")).isEqualTo(-7);
        assertThat(parser.parse("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(parser.parse("2147483648")).isEqualTo(2_147_483_648L);
        assertThat(parser.parse("5000000000")).isEqualTo(5_000_000_000L);
        assertThat(parser.parse("99999999999999999999")).isEqualTo(new BigInteger("99999999999999999999"));
        assertThat(parser.parse("1.5")).isEqualTo(1.5);
    }

    @Test
    void wordsAndQuotedTextBecomeStrings() {
        assertThat(parser.parse("value")).isEqualTo("value");
        assertThat(parser.parse("tcp://localhost:1806")).isEqualTo("tcp://localhost:1806");
        assertThat(parser.parse("\"two words\"")).isEqualTo("two words");
        assertThat(parser.parse("\"42\"")).isEqualTo("42");
        assertThat(parser.parse("\"say \\\"hi\\\"\\n\"")).isEqualTo("say \"hi\"\n");
        assertThat(parser.parse("\"\"")).isEqualTo("");
    }

    @Test
    void bracketsBecomeListsNestedAsDeepAsNeeded() {
        assertThat(parser.parse("[put, color, \"dark blue\"]")).isEqualTo(List.of("put", "color", "dark blue"));
        assertThat(parser.parse("[]")).isEqualTo(List.of());
        assertThat(parser.parse("[ a , [1, [2]], <1a2b3c4d.7> ]")).isEqualTo(List.of("a", List.of(1, List.of(2)), PID));
        assertThat(parser.parse("[play,pong,3]")).isEqualTo(List.of("play", "pong", 3));
    }

    @Test
    void pidsAreLookedUp() {
        assertThat(parser.parse("<1a2b3c4d.7>")).isEqualTo(PID);
        assertThatThrownBy(() -> parser.parse("<00000000.1>")).isInstanceOf(UserError.class).hasMessage("no known process <00000000.1>");
    }

    @Test
    void mistakesNameTheColumn() {
        assertThatThrownBy(() -> parser.parse("[a b]")).isInstanceOf(UserError.class)
                .hasMessage("bad message [a b]: expected ',' or ']' before 'b' at column 4");
        assertThatThrownBy(() -> parser.parse("[a,")).hasMessage("bad message [a,: a value is missing at column 4");
        assertThatThrownBy(() -> parser.parse("[a")).hasMessage("bad message [a: expected ']' at column 3");
        assertThatThrownBy(() -> parser.parse("\"open")).hasMessage("bad message \"open: unclosed quote at column 6");
        assertThatThrownBy(() -> parser.parse("a]")).hasMessage("bad message a]: unexpected ']' at column 2");
        assertThatThrownBy(() -> parser.parse("<1a2b")).hasMessage("bad message <1a2b: pid without closing '>' at column 1");
    }
}
