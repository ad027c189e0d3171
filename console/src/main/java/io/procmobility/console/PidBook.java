package io.procmobility.console;

import io.procmobility.process.Pid;
import io.procmobility.process.ProcessInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints and reads pids. {@link Pid#toString()} ({@code <1a2b3c4d.7>}) shows only the first 8 of
 * the 16 hex digits of the incarnation, so a short pid is matched against the pids this console
 * knows: its node's live processes and every pid it has printed. The long form
 * {@code <1a2b3c4d5e6f7a8b.7>} ({@code ps -l}) names any pid, on any node, without lookup.
 */
final class PidBook {
    private static final Pattern PID = Pattern.compile("<([0-9a-fA-F]{1,16})\\.(\\d{1,19})>");
    private static final int REMEMBERED = 10_000;

    private final Supplier<List<ProcessInfo>> localProcesses;
    private final Map<Pid, Boolean> seen = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Pid, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** @param localProcesses the node's live processes, looked up when a short pid is read */
    PidBook(Supplier<List<ProcessInfo>> localProcesses) {
        this.localProcesses = localProcesses;
    }

    /** The short form, as {@link Pid#toString()}; the pid is remembered so that it can be typed back. */
    synchronized String format(Pid pid) {
        seen.put(pid, Boolean.TRUE);
        return pid.toString();
    }

    /** The long form {@code <16 hex digits.serial>}, which {@link #parse} reads without lookup. */
    static String formatLong(Pid pid) {
        return String.format(Locale.ROOT, "<%016x.%d>", pid.incarnation(), pid.serial());
    }

    /** True when {@code text} looks like a pid (short or long). */
    static boolean looksLikePid(String text) {
        return PID.matcher(text).matches();
    }

    /**
     * The pid {@code text} names.
     *
     * @throws UserError when it is not a pid, or a short pid that matches no known pid or several
     */
    Pid parse(String text) {
        Matcher m = PID.matcher(text.trim());
        if (!m.matches()) {
            throw new UserError("bad pid " + text + ": expected <1a2b3c4d.7> as printed by ps or spawn");
        }
        String hex = m.group(1).toLowerCase(Locale.ROOT);
        long serial;
        try {
            serial = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            throw new UserError("bad pid " + text + ": serial too large");
        }
        if (hex.length() == 16) {
            return new Pid(Long.parseUnsignedLong(hex, 16), serial);
        }
        List<Pid> matches = new ArrayList<>();
        for (ProcessInfo info : localProcesses.get()) {
            addIfMatches(matches, info.pid(), hex, serial);
        }
        synchronized (this) {
            for (Pid pid : seen.keySet()) {
                addIfMatches(matches, pid, hex, serial);
            }
        }
        if (matches.isEmpty()) {
            throw new UserError("no known process " + text + " (try: ps; a pid of another node: type its long form from ps -l there)");
        }
        if (matches.size() > 1) {
            throw new UserError("pid " + text + " is ambiguous: it could be " + matches.stream().map(PidBook::formatLong).toList()
                    + "; type the long form");
        }
        return matches.get(0);
    }

    private static void addIfMatches(List<Pid> matches, Pid pid, String hex, long serial) {
        if (pid.serial() == serial && String.format(Locale.ROOT, "%016x", pid.incarnation()).startsWith(hex)
                && !matches.contains(pid)) {
            matches.add(pid);
        }
    }
}
