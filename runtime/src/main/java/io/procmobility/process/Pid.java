package io.procmobility.process;

import java.security.SecureRandom;

/**
 * A process identifier: unique across JVMs and restarts (a random 64-bit incarnation of the
 * runtime that spawned it plus a counter), small, value-equal, and free to travel inside
 * messages. It names a process wherever the process lives now; it says nothing about where.
 */
public final class Pid implements Comparable<Pid> {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final long incarnation;
    private final long serial;

    /** A pid from its two parts (for serializers). */
    public Pid(long incarnation, long serial) {
        this.incarnation = incarnation;
        this.serial = serial;
    }

    /** A fresh random incarnation for a new runtime; never reused across restarts in practice. */
    static long newIncarnation() {
        return RANDOM.nextLong();
    }

    /** The spawning runtime's incarnation. */
    public long incarnation() {
        return incarnation;
    }

    /** The sequence number within that incarnation. */
    public long serial() {
        return serial;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pid other && other.incarnation == incarnation && other.serial == serial;
    }

    @Override
    public int hashCode() {
        // No Objects.hash: it allocates an array, and every send hashes a pid.
        return Long.hashCode(incarnation) * 31 + Long.hashCode(serial);
    }

    @Override
    public int compareTo(Pid o) {
        int c = Long.compare(incarnation, o.incarnation);
        return c != 0 ? c : Long.compare(serial, o.serial);
    }

    /** {@code <1a2b3c4d.17>}: the first 8 hex digits of the incarnation and the serial. */
    @Override
    public String toString() {
        String hex = String.format("%016x", incarnation);
        return "<" + hex.substring(0, 8) + "." + serial + ">";
    }
}
