package io.procmobility.process;

/**
 * Delivered to a process that monitors {@code pid} when that process ends (or did not exist:
 * reason {@code noproc}).
 *
 * @param ref the monitor, as returned by {@code monitor}
 * @param pid the process that ended
 * @param reason why
 */
public record Down(MonitorRef ref, Pid pid, ExitReason reason) {
}
