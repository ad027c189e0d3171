package io.procmobility.behaviour;

/**
 * A free-form mobile process: its {@link #run()} is ordinary code (loops, locals, recursion) that
 * talks to other processes with {@link io.procmobility.process.Processes#receive()} and
 * {@link io.procmobility.process.ProcessRef#send(Object)}. Waiting for a message suspends it and
 * holds no thread. Classes implementing this interface are instrumented automatically.
 */
public interface MobileProcess extends Runnable {
    /** The process's code; the process ends normally when it returns, crashes when it throws. */
    @Override
    void run();
}
