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
            Pid owner = byName.putIfAbsent(name, process.pid);
            if (owner != null && !owner.equals(process.pid)) {
                throw new IllegalStateException("name '" + name + "' is already registered by live process " + owner
                        + "; unregister it first or pick another name");
            }
            process.name(name);
            movedAway.remove(name); // a local owner wins over one that left
        }
    }

    Optional<Pid> whereis(String name) {
        Pid here = byName.get(name);
        return Optional.ofNullable(here != null ? here : movedAway.get(name));
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

    /** Called when {@code process} ends. */
    void released(LocalProcess process) {
        String name = process.name();
        if (name != null) {
            byName.remove(name, process.pid);
        }
    }
}
