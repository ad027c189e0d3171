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

    /** Appends a message (any thread). */
    void add(Object message) {
        inbox.add(message);
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

    /** Owner only, process suspended: all messages in order, for freezing. */
    List<Object> drainAll() {
        List<Object> all = new ArrayList<>(skipped);
        skipped.clear();
        Object message;
        while ((message = inbox.poll()) != null) {
            all.add(message);
        }
        return all;
    }
}
