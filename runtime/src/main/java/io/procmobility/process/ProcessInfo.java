package io.procmobility.process;

/**
 * A snapshot of one process, for {@code ps}-style listings.
 *
 * @param pid its pid
 * @param name its registered name, or {@code null}
 * @param behaviour the class of its code
 * @param status running / waiting / runnable / exited
 * @param mailboxLength messages waiting (approximate while it runs)
 * @param location where it is suspended, {@code class.method(File.java:line)}, or "" when not suspended
 */
public record ProcessInfo(Pid pid, String name, String behaviour, ProcessStatus status, int mailboxLength, String location) {
}
