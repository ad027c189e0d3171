package io.procmobility.console;

import java.util.List;

/** Prints rows as left-aligned columns separated by two spaces; the last column is not padded. */
final class Table {
    private Table() {
    }

    static void print(List<String[]> rows, ConsoleContext context) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(row[c]);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - row[c].length() + 2));
                }
            }
            context.println(line.toString().stripTrailing());
        }
    }
}
