package io.procmobility.process;

import java.util.Map;
import java.util.Set;

/**
 * What a committed migration hands to the destination besides the frozen process: the messages
 * queued during the transfer, in order, and the links, monitors and exit signal that reached
 * the process after it was frozen (so that nothing addressed to it is lost in the move).
 *
 * @param pendingExit an exit signal that arrived while it was frozen, or null
 * @param contacts    every process linked to it or watching it at the commit (their nodes learn where it went)
 */
public record Handover(Pid pid, long epoch, java.util.List<QueuedMessage> messages, Set<Pid> linksAdded,
        Set<Pid> linksRemoved, Map<MonitorRef, Pid> monitorsAdded, Set<MonitorRef> monitorsRemoved, ExitReason pendingExit,
        Set<Pid> contacts) {
}
