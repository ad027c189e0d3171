package io.procmobility.behaviour;

import io.procmobility.process.ExitReason;

/**
 * Wire protocol, not for application code: a reply saying a request failed although the process
 * that got it lives on (an event handler crashed or does not exist). The calling side turns it
 * into a {@link CallFailedException}.
 *
 * @param reason a short reason ({@code bad_handler}, or a crash)
 * @param message what went wrong, for the exception message
 */
public record CallError(ExitReason reason, String message) {
}
