package io.procmobility.process;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

/**
 * Why a process ended: {@code normal} (its code returned), {@code killed}, {@code noproc} (it
 * did not exist), {@code noconnection} / {@code nodedown} (its node cannot be reached / was detected
 * as down), or a crash with the exception's class, message and stack trace as text (text,
 * so that a reason can travel to other JVMs without the exception's class).
 */
public final class ExitReason {
    /** The process's code returned. */
    public static final ExitReason NORMAL = new ExitReason("normal", null);
    /** Killed unconditionally (Erlang's {@code kill}). */
    public static final ExitReason KILLED = new ExitReason("killed", null);
    /** The process did not exist (already dead or never spawned). */
    public static final ExitReason NOPROC = new ExitReason("noproc", null);
    /** The node the process lives on cannot be reached any more (Erlang's {@code noconnection}). */
    public static final ExitReason NOCONNECTION = new ExitReason("noconnection", null);
    /**
     * The node the process lives on was detected as down by the cluster's failure detection (it
     * crashed, was killed, left, or is on the other side of a partition); see
     * {@code io.procmobility.registry.ClusterRegistry}.
     */
    public static final ExitReason NODEDOWN = new ExitReason("nodedown", null);

    private final String kind;
    private final String detail;

    private ExitReason(String kind, String detail) {
        this.kind = kind;
        this.detail = detail;
    }

    /** A crash caused by {@code error}, keeping its stack trace as text. */
    public static ExitReason crash(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return new ExitReason("crash", trace.toString());
    }

    /** A reason given by code ({@code exit(pid, reason)}). */
    public static ExitReason of(String reason) {
        switch (reason) {
            case "normal": return NORMAL;
            case "killed": return KILLED;
            case "noproc": return NOPROC;
            case "noconnection": return NOCONNECTION;
            case "nodedown": return NODEDOWN;
            default: return new ExitReason(reason, null);
        }
    }

    /** {@code normal}, {@code killed}, {@code noproc}, {@code noconnection}, {@code nodedown}, {@code crash} or a user reason. */
    public String kind() {
        return kind;
    }

    /** The crash's stack trace, or {@code null}. */
    public String detail() {
        return detail;
    }

    /** True for {@code normal}: links do not propagate it. */
    public boolean isNormal() {
        return this == NORMAL || "normal".equals(kind);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExitReason other && other.kind.equals(kind) && Objects.equals(other.detail, detail);
    }

    @Override
    public int hashCode() {
        return kind.hashCode();
    }

    @Override
    public String toString() {
        if (detail == null) {
            return kind;
        }
        int end = detail.indexOf('\n');
        return kind + ": " + (end < 0 ? detail : detail.substring(0, end));
    }
}
