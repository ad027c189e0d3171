package io.procmobility.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The exit reasons of the most recently ended processes, bounded so that spawning forever does not leak. */
final class RecentExits {
    private final Map<Pid, ExitReason> reasons;

    RecentExits(int capacity) {
        this.reasons = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Pid, ExitReason> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void record(Pid pid, ExitReason reason) {
        reasons.put(pid, reason);
    }

    synchronized Optional<ExitReason> of(Pid pid) {
        return Optional.ofNullable(reasons.get(pid));
    }
}
