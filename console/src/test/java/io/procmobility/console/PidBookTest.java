package io.procmobility.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmobility.process.Pid;
import io.procmobility.process.ProcessInfo;
import io.procmobility.process.ProcessStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PidBookTest {
    private final List<ProcessInfo> local = new ArrayList<>();
    private final PidBook book = new PidBook(() -> local);

    private static ProcessInfo info(Pid pid) {
        return new ProcessInfo(pid, null, "x.Y", ProcessStatus.WAITING, 0, "");
    }

    @Test
    void theLongFormNamesAnyPid() {
        Pid pid = new Pid(0xfedcba9876543210L, 12);
        assertThat(PidBook.formatLong(pid)).isEqualTo("<fedcba9876543210.12>");
        assertThat(book.parse("<fedcba9876543210.12>")).isEqualTo(pid);
        assertThat(book.parse(" <FEDCBA9876543210.12> ")).isEqualTo(pid);
    }

    @Test
    void theShortFormIsMatchedAgainstLocalAndPrintedPids() {
        Pid here = new Pid(0x1111111122222222L, 1);
        Pid printed = new Pid(0x3333333344444444L, 2);
        local.add(info(here));
        assertThat(book.format(printed)).isEqualTo(printed.toString()).isEqualTo("<33333333.2>");

        assertThat(book.parse("<11111111.1>")).isEqualTo(here);
        assertThat(book.parse("<33333333.2>")).isEqualTo(printed);
        assertThatThrownBy(() -> book.parse("<33333333.3>")).isInstanceOf(UserError.class)
                .hasMessageStartingWith("no known process <33333333.3> (try: ps");
    }

    @Test
    void anAmbiguousShortFormAsksForTheLongOne() {
        local.add(info(new Pid(0x1111111122222222L, 1)));
        local.add(info(new Pid(0x1111111133333333L, 1)));
        assertThatThrownBy(() -> book.parse("<11111111.1>")).isInstanceOf(UserError.class)
                .hasMessage("pid <11111111.1> is ambiguous: it could be [<1111111122222222.1>, <1111111133333333.1>]; type the long form");
    }

    @Test
    void notAPid() {
        assertThat(PidBook.looksLikePid("<1a.2>")).isTrue();
        assertThat(PidBook.looksLikePid("counter")).isFalse();
        assertThatThrownBy(() -> book.parse("<x.1>")).hasMessage("bad pid <x.1>: expected <1a2b3c4d.7> as printed by ps or spawn");
    }
}
