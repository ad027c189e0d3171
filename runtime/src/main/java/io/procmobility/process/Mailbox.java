package io.procmobility.process;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * A process's mailbox: any thread appends, only the owning process takes. Messages a selective
 * receive skipped stay, in arrival order, in a list only the owner touches, and are looked at
 * first by the next receive — so per sender, messages are received in the order they were sent.
 */
final class Mailbox {
    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final List<Object> skipped = new ArrayList<>(0);
    /** Set while the process is being frozen: from then on messages must go where the process goes. */
    private boolean closed;
    /** Ordering of numbered (remote) messages; created by the first one. Guarded by this. */
    private InboundStreams streams;

    /**
     * Appends a message (any thread); false when the mailbox is closed because its process is
     * being frozen (the caller routes the message elsewhere). Adding and closing exclude each
     * other, so a message is either in the frozen mailbox or refused here, never lost in between.
     */
    synchronized boolean add(Object message) {
        if (closed) {
            return false;
        }
        inbox.add(message);
        return true;
    }

    /**
     * Appends message {@code seq} of {@code stream} once every earlier message of that stream is
     * here (any thread); duplicates are dropped. False when the mailbox is closed (see {@link #add}).
     */
    synchronized boolean addNumbered(long stream, long seq, Object message) {
        if (closed) {
            return false;
        }
        if (streams == null) {
            streams = new InboundStreams();
        }
        streams.accept(stream, seq, message, inbox::add);
        return true;
    }

    /** True when numbered messages wait for an earlier one that has not arrived. */
    synchronized boolean hasGaps() {
        return streams != null && streams.hasGaps();
    }

    /** Delivers what waits behind gaps older than {@code maxGapNanos}; returns how many messages were given up as lost. */
    synchronized long skipExpiredGaps(long maxGapNanos) {
        return streams == null ? 0 : streams.skipExpiredGaps(maxGapNanos, inbox::add);
    }

    /** The ordering state, to freeze with the process (call only while closed). */
    synchronized InboundStreams streams() {
        return streams;
    }

    /** After a thaw: the ordering state the process brought along. */
    synchronized void restoreStreams(InboundStreams restored) {
        if (restored != null) {
            restored.restartGapClocks();
        }
        streams = restored;
    }

    /** Owner only: closes the mailbox and returns every message in order (freezing). */
    synchronized List<Object> drainAndClose() {
        closed = true;
        return drainAll();
    }

    /** Owner only: opens a mailbox again after a freeze failed, with {@code messages} back in front. */
    synchronized void reopen(List<Object> messages) {
        closed = false;
        requeueFront(messages);
    }

    /** Owner only: the oldest message matching {@code pattern}, removed, or {@code null}. */
    Object take(Predicate<Object> pattern) {
        for (Iterator<Object> it = skipped.iterator(); it.hasNext(); ) {
            Object message = it.next();
            if (pattern.test(message)) {
                it.remove();
                return message;
            }
        }
        Object message;
        while ((message = inbox.poll()) != null) {
            if (pattern.test(message)) {
                return message;
            }
            skipped.add(message);
        }
        return null;
    }

    /** True when messages arrived that the owner has not looked at yet. */
    boolean hasUnread() {
        return !inbox.isEmpty();
    }

    /** Approximate number of messages waiting. */
    int size() {
        return skipped.size() + inbox.size();
    }

    /** Owner only: puts {@code messages} back in front of everything else, in their order (undoing a drain). */
    void requeueFront(List<Object> messages) {
        skipped.addAll(0, messages);
    }

    /** Owner only, process suspended: all messages in order. */
    private List<Object> drainAll() {
        List<Object> all = new ArrayList<>(skipped);
        skipped.clear();
        Object message;
        while ((message = inbox.poll()) != null) {
            all.add(message);
        }
        return all;
    }
}
