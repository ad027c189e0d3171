package io.procmobility.console;

import io.procmobility.process.Pid;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Prints replies the way {@link TermParser} reads messages, so that what the console prints can
 * be typed back: words bare, other strings quoted, numbers as digits, pids in their short form,
 * lists and collections in brackets, maps as {@code {key: value}}, anything else by its
 * {@code toString()}.
 */
final class TermFormatter {
    private static final Pattern BARE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:/@-]*");

    private final PidBook pids;

    TermFormatter(PidBook pids) {
        this.pids = pids;
    }

    String format(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append(BARE.matcher(s).matches() && !(TermParser.number(s) instanceof Number) ? s : quote(s));
        } else if (value instanceof Pid pid) {
            out.append(pids.format(pid));
        } else if (value instanceof Collection<?> items) {
            StringJoiner joined = new StringJoiner(", ", "[", "]");
            for (Object item : items) {
                joined.add(format(item));
            }
            out.append(joined);
        } else if (value instanceof Map<?, ?> map) {
            StringJoiner joined = new StringJoiner(", ", "{", "}");
            map.forEach((k, v) -> joined.add(format(k) + ": " + format(v)));
            out.append(joined);
        } else {
            out.append(value);
        }
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
    }
}
