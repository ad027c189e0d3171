package io.procmobility.process;

/**
 * Told when a process has been asked to migrate and is now frozen in place
 * ({@link ProcessStatus#MIGRATING}): by {@code Mobility.sendMe} from inside, or by
 * {@link ProcessRuntime#requestMigration} from outside once the process reached a receive. The
 * node installs one; it must then {@link ProcessRuntime#depart depart} the process or
 * {@link ProcessRuntime#cancelMigration cancel}. Called on a carrier or the requesting thread:
 * must not block.
 */
@FunctionalInterface
public interface MigrationHook {
    /** {@code pid} waits, frozen, to be moved to {@code destination} (the object given to sendMe or requestMigration). */
    void migrationRequested(Pid pid, Object destination);
}
