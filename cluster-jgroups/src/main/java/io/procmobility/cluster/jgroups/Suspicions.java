package io.procmobility.cluster.jgroups;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jgroups.Address;

/**
 * What this member's failure detectors said about other members, so that a member removed from the
 * view can be reported with how it was detected. Written by {@link SuspectTap}s on JGroups threads,
 * read when a view arrives. A suspicion older than {@value #MEMORY_SECONDS} s no longer explains a
 * departure (the member proved alive since, and left later for another reason).
 *
 * <p>JGroups passes suspicions up only on the member that acts as coordinator for them; other
 * members learn of a failure from the new view alone.
 */
final class Suspicions {
    private static final long MEMORY_SECONDS = 30;

    private record Suspicion(String detector, long atNanos, boolean confirmed) {
    }

    private final Map<Address, Suspicion> suspicions = new ConcurrentHashMap<>();

    /** Records the first detector that suspected {@code member}. */
    void suspected(Address member, String detector) {
        long now = System.nanoTime();
        suspicions.compute(member, (m, s) -> s == null || stale(s, now) ? new Suspicion(detector, now, false) : s);
    }

    /** Records that VERIFY_SUSPECT2 confirmed the suspicion. */
    void confirmed(Address member) {
        long now = System.nanoTime();
        suspicions.compute(member, (m, s) -> s == null || stale(s, now)
                ? new Suspicion("suspected", now, true)
                : new Suspicion(s.detector, s.atNanos, true));
    }

    /** How {@code member} was detected, or {@code null} if it was not suspected lately here; forgets it. */
    String take(Address member) {
        Suspicion s = suspicions.remove(member);
        if (s == null || stale(s, System.nanoTime())) {
            return null;
        }
        return s.confirmed ? s.detector + ", confirmed by VERIFY_SUSPECT2" : s.detector;
    }

    /** Drops suspicions too old to explain anything. */
    void forgetStale() {
        long now = System.nanoTime();
        suspicions.values().removeIf(s -> stale(s, now));
    }

    private static boolean stale(Suspicion s, long now) {
        return now - s.atNanos > TimeUnit.SECONDS.toNanos(MEMORY_SECONDS);
    }
}
