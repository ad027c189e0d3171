package io.procmobility.behaviour;

/**
 * Wire protocol, not for application code: a synchronous request to a behaviour (gen_server,
 * gen_statem, gen_event). The behaviour's loop unwraps it before user handlers see the request.
 *
 * @param from where the reply goes
 * @param request the application's request
 */
public record Call(From from, Object request) {
}
