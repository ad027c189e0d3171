package io.procmobility.process;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unique names for live processes (what gproc did for the seed, but unique). A named process
 * that migrates away keeps its name here as a forwarding entry, so that sends by name still
 * reach it (through its pid's forwarding pointer) until a local process takes the name.
 */
final class NameRegistry {
    private final Map<String, Pid> byName = new ConcurrentHashMap<>();
    private final Map<String, Pid> movedAway = new ConcurrentHashMap<>();

    /** Registers {@code name}; fails naming the current owner when another live process holds it. */
    void register(String name, LocalProcess process) {
        synchronized (process) {
            checkAvailable(name, process);
            Pid owner = byName.putIfAbsent(name, process.pid);
            if (owner != null && !owner.equals(process.pid)) {
                throw taken(name, owner);
            }
            process.name(name);
            movedAway.remove(name); // a local owner wins over one that left
        }
    }

    /**
     * Checks that {@code process} could take {@code name} here: a name that is not blank, a live
     * process without another name, no other live process holding it.
     */
    void checkAvailable(String name, LocalProcess process) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a process name must not be blank");
        }
        synchronized (process) {
            if (!process.isAlive()) {
                throw new IllegalStateException("cannot register '" + name + "': process " + process.pid + " has exited");
            }
            String current = process.name();
            if (current != null && !current.equals(name)) {
                throw new IllegalStateException("process " + process.pid + " is already registered as '" + current + "'");
            }
        }
        Pid owner = byName.get(name);
        if (owner != null && !owner.equals(process.pid)) {
            throw taken(name, owner);
        }
    }

    private static IllegalStateException taken(String name, Pid owner) {
        return new IllegalStateException("name '" + name + "' is already registered by live process " + owner
                + "; unregister it first or pick another name");
    }

    /** The live local process registered as {@code name}. */
    Optional<Pid> whereisHere(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The process registered as {@code name} that migrated away from here (its name forwards to it). */
    Optional<Pid> forwarding(String name) {
        return Optional.ofNullable(movedAway.get(name));
    }

    /** The live local registrations, name to pid. */
    Map<String, Pid> live() {
        return Map.copyOf(byName);
    }

    /** Removes {@code name}; true when it was registered. */
    boolean unregister(String name, LocalProcess owner) {
        if (owner == null && movedAway.remove(name) != null) {
            return true;
        }
        boolean removed = byName.remove(name, owner == null ? byName.get(name) : owner.pid);
        if (removed && owner != null) {
            synchronized (owner) {
                owner.name(null);
            }
        }
        return removed;
    }

    /** Called when {@code process} migrated away: its name now forwards to it. */
    void movedAway(LocalProcess process) {
        String name = process.name();
        if (name != null && byName.remove(name, process.pid)) {
            movedAway.put(name, process.pid);
        }
    }

    /** Called when {@code process} ends; returns the name it held here, or null. */
    String released(LocalProcess process) {
        String name = process.name();
        return name != null && byName.remove(name, process.pid) ? name : null;
    }
}
