package io.procmobility.process;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Unique names for live processes (what gproc did for the seed, but unique). */
final class NameRegistry {
    private final Map<String, Pid> byName = new ConcurrentHashMap<>();

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
        }
    }

    Optional<Pid> whereis(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Removes {@code name}; true when it was registered. */
    boolean unregister(String name, LocalProcess owner) {
        boolean removed = byName.remove(name, owner == null ? byName.get(name) : owner.pid);
        if (removed && owner != null) {
            synchronized (owner) {
                owner.name(null);
            }
        }
        return removed;
    }

    /** Called when {@code process} ends. */
    void released(LocalProcess process) {
        String name = process.name();
        if (name != null) {
            byName.remove(name, process.pid);
        }
    }
}
