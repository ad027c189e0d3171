package io.procmobility.examples;

import io.procmobility.process.Pid;

/**
 * What {@link Ping} and {@link Pong} hit back and forth: who sent it and the round number.
 *
 * @param from the process to answer
 * @param round 1 for the first exchange, then 2, 3...
 */
public record Ball(Pid from, long round) {
}
