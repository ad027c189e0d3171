package io.procmobility.behaviour;

/**
 * Wire protocol, not for application code: an asynchronous request to a behaviour; unwrapped by
 * the behaviour's loop.
 *
 * @param request the application's request
 */
public record Cast(Object request) {
}
