package io.procmobility.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinePrinterTest {
    @Test
    void handsOverWholeLinesOnly() {
        List<String> lines = new ArrayList<>();
        LinePrinter printer = new LinePrinter(lines::add, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(printer, true, StandardCharsets.UTF_8);
        out.print("counter 1 ");
        out.print("on node a");
        assertThat(lines).isEmpty();
        out.println();
        out.print("é\r\nlast");
        out.close();
        assertThat(lines).containsExactly("counter 1 on node a", "é", "last");
    }
}
