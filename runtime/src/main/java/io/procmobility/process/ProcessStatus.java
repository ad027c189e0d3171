package io.procmobility.process;

/** Where a process is in its life. */
public enum ProcessStatus {
    /** Ready to run, waiting for a carrier thread. */
    RUNNABLE,
    /** Running on a carrier thread. */
    RUNNING,
    /** Suspended in a receive, a sleep or a call; holds no thread. */
    WAITING,
    /** Suspended and handed to a migration: frozen, on its way to another node (or back here on failure). */
    MIGRATING,
    /** Ended; its exit reason is recorded. */
    EXITED
}
