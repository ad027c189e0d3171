package io.procmobility.process;

/**
 * Delivered to a process that traps exits when a linked process ends (or an exit signal is sent
 * to it), instead of ending it.
 *
 * @param from the process the signal comes from
 * @param reason its exit reason
 */
public record Exit(Pid from, ExitReason reason) {
}
