package io.procmobility.process;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything about a suspended process except its stack: travels as the value of its frozen
 * continuation. Plain data so the continuation serializer can carry it; deadlines are kept as
 * time left, because {@link System#nanoTime()} means nothing in another JVM.
 */
final class FrozenProcess {
    final Pid pid;
    final List<Object> mailbox;
    final Wait.Kind waitKind;
    final Predicate<Object> pattern;
    final boolean hasDeadline;
    final long remainingNanos;
    final Set<Pid> links;
    final Map<MonitorRef, Pid> monitoredBy;
    final String name;
    final boolean trapExit;
    final long epoch;
    final List<String> trail;
    final InboundStreams streams;

    FrozenProcess(Pid pid, List<Object> mailbox, Wait wait, Set<Pid> links, Map<MonitorRef, Pid> monitoredBy, String name,
            boolean trapExit, long epoch, List<String> trail, InboundStreams streams) {
        this.pid = pid;
        this.mailbox = mailbox;
        this.waitKind = wait.kind;
        this.pattern = wait.pattern;
        this.hasDeadline = wait.hasDeadline;
        this.remainingNanos = wait.remainingNanos();
        this.links = links;
        this.monitoredBy = monitoredBy;
        this.name = name;
        this.trapExit = trapExit;
        this.epoch = epoch;
        this.trail = trail;
        this.streams = streams;
    }

    Wait rebasedWait() {
        return Wait.rebased(waitKind, pattern, hasDeadline, remainingNanos);
    }
}
