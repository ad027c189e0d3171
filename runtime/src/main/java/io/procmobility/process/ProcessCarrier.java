package io.procmobility.process;

import io.procmobility.internal.CarrierThread;

/** A scheduler thread; knows the process it is running, which is what {@code self()} answers. */
final class ProcessCarrier extends CarrierThread {
    final ProcessRuntime runtime;
    LocalProcess current;

    ProcessCarrier(ProcessRuntime runtime, Runnable loop, String name) {
        super(loop, name);
        this.runtime = runtime;
        setDaemon(true);
    }

    /** The process running on this thread, or an error naming the thread when there is none. */
    static ProcessCarrier currentCarrier(String operation) {
        Thread thread = Thread.currentThread();
        if (thread instanceof ProcessCarrier carrier && carrier.current != null) {
            return carrier;
        }
        throw new IllegalStateException(operation + " can only be called from inside a process (thread "
                + thread.getName() + " is not running one). Spawn the code with ProcessRuntime.spawn(...).");
    }
}
