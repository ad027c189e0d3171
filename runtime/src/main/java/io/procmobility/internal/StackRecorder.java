package io.procmobility.internal;

import io.procmobility.continuation.ResumeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of one run of a continuation on one thread: whether frames are being restored or
 * captured, the frames to restore, the frames captured so far, and the values passed in and out.
 *
 * <p>Instrumented methods call {@link #current()} once on entry and keep the result in a local;
 * they read {@link #restoring} on entry and {@link #capturing} after each suspendable call. The two
 * flags are plain fields because a recorder is only ever used by the thread it is installed on.
 * Not API: called by instrumented bytecode and by suspension primitives.
 */
public final class StackRecorder {
    private static final ThreadLocal<StackRecorder> FOREIGN = new ThreadLocal<>();
    /**
     * How many continuations run right now on threads that are not {@link CarrierThread}s. While it
     * is zero, {@link #current()} skips the thread-local lookup entirely. A thread always sees its
     * own increment, which is all the check needs.
     */
    private static final AtomicInteger FOREIGN_RUNS = new AtomicInteger();

    /**
     * The recorder seen by instrumented code when no continuation runs: both flags stay false
     * forever, so instrumented methods need no null checks on their hot path.
     */
    public static final StackRecorder NONE = new StackRecorder(new Frame[0], null);

    /** True while frames are being restored, from the start of a resume to the suspension point. */
    public boolean restoring;
    /** True while a suspension unwinds the stack and each frame saves itself. */
    public boolean capturing;

    private final Frame[] toRestore;
    private int restoreIndex;
    private final List<Frame> captured = new ArrayList<>();
    private final Object valueIn;
    private Object valueOut;

    /**
     * A recorder that restores {@code frames} (bottom frame first) and then hands {@code valueIn}
     * to the suspension point, or starts fresh when {@code frames} is empty.
     */
    public StackRecorder(Frame[] frames, Object valueIn) {
        this.toRestore = frames;
        this.valueIn = valueIn;
        this.restoring = frames.length > 0;
    }

    /** The recorder of the continuation running on this thread, or {@link #NONE}. */
    public static StackRecorder current() {
        Thread thread = Thread.currentThread();
        if (thread instanceof CarrierThread) {
            return ((CarrierThread) thread).recorder;
        }
        if (FOREIGN_RUNS.get() == 0) {
            return NONE;
        }
        StackRecorder recorder = FOREIGN.get();
        return recorder == null ? NONE : recorder;
    }

    /** True for the recorder of a running continuation, false for {@link #NONE}. */
    public boolean isActive() {
        return this != NONE;
    }

    /** Called by instrumented bytecode when a frame names a call site the method does not have. */
    public static RuntimeException invalidCallSite(Frame frame) {
        return new ResumeException("Cannot resume " + frame.methodLabel() + ": the frame names call site "
                + frame.callSite() + ", which the loaded method does not have. Resume with the same build of the class.");
    }

    /**
     * Runs {@code target} with this recorder installed on the current thread. This method is the
     * bottom boundary of every captured stack: stack checks stop at its frame.
     */
    public void runInside(Runnable target) {
        Thread thread = Thread.currentThread();
        if (thread instanceof CarrierThread) {
            CarrierThread carrier = (CarrierThread) thread;
            StackRecorder previous = carrier.recorder;
            carrier.recorder = this;
            try {
                target.run();
            } finally {
                carrier.recorder = previous;
            }
        } else {
            StackRecorder previous = FOREIGN.get();
            FOREIGN.set(this);
            FOREIGN_RUNS.incrementAndGet();
            try {
                target.run();
            } finally {
                FOREIGN_RUNS.decrementAndGet();
                if (previous == null) {
                    FOREIGN.remove();
                } else {
                    FOREIGN.set(previous);
                }
            }
        }
    }

    /**
     * Called on entry of an instrumented method while restoring. Returns this method's frame, or
     * {@code null} when the method is not the next frame to restore (it runs on the side of the
     * restore, e.g. from a class initializer triggered by a re-executed call), in which case the
     * method runs normally.
     *
     * @throws ResumeException when the method is the expected one but its bytecode changed, or the
     *     same method is now reached in another class
     */
    public Frame popFrame(String owner, String name, String desc, long hash) {
        if (restoreIndex >= toRestore.length) {
            return null;
        }
        Frame frame = toRestore[restoreIndex];
        if (!frame.name().equals(name) || !frame.descriptor().equals(desc)) {
            return null;
        }
        if (!frame.owner().equals(owner)) {
            throw new ResumeException("Cannot resume: frame " + restoreIndex + " was captured in "
                    + frame.methodLabel() + " but the call now reaches " + owner.replace('/', '.') + "." + name + desc
                    + ". The class hierarchy changed since the capture; resume with the same build of the classes.");
        }
        if (frame.hash() != hash) {
            throw new ResumeException(ResumeChecks.hashMismatch(frame, hash));
        }
        restoreIndex++;
        return frame;
    }

    /** Called by instrumented bytecode while capturing: a new frame for the calling method. */
    public Frame pushFrame(String owner, String name, String desc, long hash, int callSite, int prims, int refs) {
        Frame frame = new Frame(owner, name, desc, hash, callSite, new long[prims], new Object[refs]);
        captured.add(frame);
        return frame;
    }

    /**
     * Called by a suspension primitive reached while restoring: all frames must have been restored;
     * switches to normal execution and returns the value given to the resume.
     */
    public Object finishRestore() {
        if (restoreIndex != toRestore.length) {
            Frame next = toRestore[restoreIndex];
            throw new ResumeException("Cannot resume: reached the suspension point with frame " + restoreIndex
                    + " (" + next.methodLabel() + ") still to restore; the captured stack does not match the code.");
        }
        restoring = false;
        return valueIn;
    }

    /** Called by a suspension primitive: starts unwinding; every instrumented frame saves itself. */
    public void beginCapture(Object value) {
        this.valueOut = value;
        this.capturing = true;
    }

    /** True when the run ended with frames still waiting to be restored. */
    public boolean restoreIncomplete() {
        return restoring;
    }

    /** Describes the frame that was due to be restored, for error messages. */
    public String nextFrameLabel() {
        return restoreIndex < toRestore.length ? toRestore[restoreIndex].methodLabel() : "(none)";
    }

    /** The captured frames, bottom frame first. */
    public Frame[] capturedFrames() {
        Frame[] frames = new Frame[captured.size()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = captured.get(frames.length - 1 - i);
        }
        return frames;
    }

    /** The value passed to the suspension primitive. */
    public Object valueOut() {
        return valueOut;
    }
}
