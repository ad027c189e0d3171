package io.procmobility.behaviour;

import io.procmobility.process.MonitorRef;

/**
 * Wire protocol, not for application code: the answer to a {@link Call}. A reply that arrives
 * after its caller gave up (timeout) is dropped by the behaviours' loops.
 *
 * @param tag the {@link From#tag()} of the call it answers
 * @param value the reply, possibly null
 */
public record CallReply(MonitorRef tag, Object value) {
}
