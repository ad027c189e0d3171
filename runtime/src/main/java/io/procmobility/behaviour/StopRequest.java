package io.procmobility.behaviour;

import io.procmobility.process.ExitReason;

/**
 * Wire protocol, not for application code: asks a behaviour to stop with {@code reason}; it runs
 * its {@code terminate} callback, then ends. The requester learns of the end by its monitor.
 *
 * @param reason the exit reason the behaviour ends with
 */
public record StopRequest(ExitReason reason) {
}
