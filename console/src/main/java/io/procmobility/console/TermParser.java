package io.procmobility.console;

import io.procmobility.process.Pid;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a message as typed in the console:
 * <ul>
 *   <li>{@code 42} → {@code Integer}, {@code 5000000000} → {@code Long} (bigger: {@code BigInteger}),
 *       {@code 1.5} → {@code Double};</li>
 *   <li>{@code "two words"} → {@code String} (escapes {@code \" \\ \n \t}); a bare word
 *       ({@code value}, {@code tcp://localhost:1806}) → {@code String};</li>
 *   <li>{@code <1a2b3c4d.7>} → the {@link Pid} (see {@link PidBook});</li>
 *   <li>{@code [put, color, "dark blue"]} → an immutable {@code List}, nested as deep as needed.</li>
 * </ul>
 */
final class TermParser {
    private final Function<String, Pid> pids;
    private String text;
    private int pos;

    /** @param pids turns pid text ({@code <...>}) into a pid, or throws {@link UserError} */
    TermParser(Function<String, Pid> pids) {
        this.pids = pids;
    }

    /**
     * The value of {@code word}.
     *
     * @throws UserError naming the column when the text is not a term
     */
    Object parse(String word) {
        this.text = word;
        this.pos = 0;
        skipSpaces();
        Object value = term();
        skipSpaces();
        if (pos != text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return value;
    }

    private Object term() {
        if (pos >= text.length()) {
            throw error("a value is missing");
        }
        char c = text.charAt(pos);
        if (c == '[') {
            return list();
        }
        if (c == '"') {
            return string();
        }
        if (c == '<') {
            int end = text.indexOf('>', pos);
            if (end < 0) {
                throw error("pid without closing '>'");
            }
            String pid = text.substring(pos, end + 1);
            pos = end + 1;
            return pids.apply(pid);
        }
        return bare();
    }

    private List<Object> list() {
        pos++; // '['
        List<Object> items = new ArrayList<>();
        skipSpaces();
        if (peek(']')) {
            pos++;
            return List.of();
        }
        while (true) {
            skipSpaces();
            items.add(term());
            skipSpaces();
            if (peek(',')) {
                pos++;
            } else if (peek(']')) {
                pos++;
                return List.copyOf(items);
            } else {
                throw error(pos < text.length() ? "expected ',' or ']' before '" + text.charAt(pos) + "'" : "expected ']'");
            }
        }
    }

    private String string() {
        StringBuilder s = new StringBuilder();
        pos++; // opening quote
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return s.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                s.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                s.append(c);
            }
        }
        throw error("unclosed quote");
    }

    private Object bare() {
        int start = pos;
        while (pos < text.length() && ",]".indexOf(text.charAt(pos)) < 0 && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (word.isEmpty()) {
            throw error("a value is missing");
        }
        return number(word);
    }

    /** The number {@code word} spells, or {@code word} itself. */
    static Object number(String word) {
        if (word.matches("[-+]?\\d+")) {
            BigInteger n = new BigInteger(word);
            if (n.bitLength() < 32) {
                return n.intValue();
            }
            return n.bitLength() < 64 ? (Object) n.longValue() : n;
        }
        if (word.matches("[-+]?\\d+\\.\\d+")) {
            return Double.parseDouble(word);
        }
        return word;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private UserError error(String what) {
        return new UserError("bad message " + text + ": " + what + " at column " + (pos + 1));
    }
}
