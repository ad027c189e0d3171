package io.procmobility.internal;

/**
 * A thread that carries continuations. Instrumented methods find the running continuation's
 * {@link StackRecorder} in a field of this thread ({@code Thread.currentThread()} is an intrinsic),
 * which is much cheaper than a {@link ThreadLocal} lookup on every method entry. Continuations run
 * on other threads still work, through a thread-local fallback. Not API.
 */
public class CarrierThread extends Thread {
    StackRecorder recorder = StackRecorder.NONE;

    /** Creates a carrier thread running {@code task}. */
    public CarrierThread(Runnable task, String name) {
        super(task, name);
    }

    /** Creates a carrier thread in {@code group}. */
    public CarrierThread(ThreadGroup group, Runnable task, String name) {
        super(group, task, name);
    }
}
