package io.procmobility.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a console line into words at spaces, keeping a quoted string ({@code "a b"}) or a
 * bracketed list ({@code [put, "a b", 1]}) in one word, as typed (quotes and brackets included).
 */
final class LineTokenizer {
    private LineTokenizer() {
    }

    /**
     * The words of {@code line}.
     *
     * @throws UserError when a quote or a bracket is not closed
     */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                word.append(c);
                if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
                word.append(c);
            } else if (c == '[') {
                depth++;
                word.append(c);
            } else if (c == ']') {
                if (depth == 0) {
                    throw new UserError("unexpected ']' at column " + (i + 1));
                }
                depth--;
                word.append(c);
            } else if (Character.isWhitespace(c) && depth == 0) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (quoted) {
            throw new UserError("unclosed quote: add a closing \"");
        }
        if (depth > 0) {
            throw new UserError("unclosed '[': add " + "]".repeat(depth));
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
