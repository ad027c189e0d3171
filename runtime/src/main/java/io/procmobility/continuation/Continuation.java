package io.procmobility.continuation;

import io.procmobility.internal.Frame;
import io.procmobility.internal.ResumeChecks;
import io.procmobility.internal.StackRecorder;
import io.procmobility.internal.StackVerifier;
import java.util.Objects;

/**
 * A captured, resumable Java stack (javaflow-style API).
 *
 * <pre>{@code
 * Continuation c = Continuation.startWith(task);      // runs task until its first suspend()
 * while (!c.isDone()) {
 *     Object out = c.value();                          // what the code passed to suspend(out)
 *     c = Continuation.continueWith(c, reply(out));   // suspend(...) returns reply(out) inside
 * }
 * }</pre>
 *
 * <p>Code between {@code startWith} and {@code suspend} must be instrumented (agent, Maven plugin or
 * {@link io.procmobility.Mobile}). A continuation is an immutable snapshot of the frames: resuming
 * the same one twice gives two independent runs of the stack, which share heap objects (as in
 * javaflow). It holds no thread and no class-loader-local state, so it can be serialized with
 * {@link io.procmobility.serial.ContinuationSerializer} and resumed in another JVM.
 */
public final class Continuation {
    private static final Frame[] NO_FRAMES = new Frame[0];

    private final Runnable target;
    private final Frame[] frames;
    private final Object value;
    /** True when the frames were captured in this JVM from the classes loaded here, so need no resume check. */
    private final boolean capturedHere;

    private Continuation(Runnable target, Frame[] frames, Object value, boolean capturedHere) {
        this.target = target;
        this.frames = frames;
        this.value = value;
        this.capturedHere = capturedHere;
    }

    /**
     * Runs {@code target} on the current thread until it first suspends or ends.
     *
     * @return the suspended continuation, or a done one when {@code target} returned
     * @throws CaptureException when a suspension could not be captured (the run goes on after it)
     */
    public static Continuation startWith(Runnable target) {
        Objects.requireNonNull(target, "target");
        return run(target, NO_FRAMES, null);
    }

    /** Resumes {@code c} with {@code null} as the result of its {@code suspend}. */
    public static Continuation continueWith(Continuation c) {
        return continueWith(c, null);
    }

    /**
     * Resumes {@code c} on the current thread at the instruction after its {@code suspend}, which
     * returns {@code valueIn}; runs until the next suspension or the end.
     *
     * @throws ResumeException when a frame's class is missing, not instrumented or changed
     * @throws IllegalStateException when {@code c} is done
     */
    public static Continuation continueWith(Continuation c, Object valueIn) {
        Objects.requireNonNull(c, "continuation");
        if (c.isDone()) {
            throw new IllegalStateException("Cannot continue a continuation that is done");
        }
        if (!c.capturedHere) {
            // Frames that came from elsewhere (deserialized) are checked once against the classes loaded here.
            ResumeChecks.verifyResumable(c.frames, classLoaderOf(c.target));
        }
        return run(c.target, c.frames, valueIn);
    }

    /**
     * Suspends the running continuation, handing {@code valueOut} to the code that started or
     * resumed it; returns the value given to {@link #continueWith(Continuation, Object)}.
     *
     * @throws CaptureException naming the frame when the stack cannot be captured
     * @throws IllegalStateException when no continuation runs on this thread
     */
    public static Object suspend(Object valueOut) {
        StackRecorder recorder = StackRecorder.current();
        if (!recorder.isActive()) {
            throw new IllegalStateException("Continuation.suspend() called outside a continuation on thread "
                    + Thread.currentThread().getName() + ". Start the code with Continuation.startWith(...).");
        }
        if (recorder.restoring) {
            return recorder.finishRestore();
        }
        if (StackVerifier.ENABLED) {
            StackVerifier.verifyCapturable();
        }
        recorder.beginCapture(valueOut);
        return null;
    }

    /** {@link #suspend(Object)} with {@code null}. */
    public static Object suspend() {
        return suspend(null);
    }

    /** True when the code ran to its end; a done continuation cannot be resumed. */
    public boolean isDone() {
        return frames.length == 0;
    }

    /** The value the code passed to {@code suspend}, {@code null} when done. */
    public Object value() {
        return value;
    }

    /** The code this continuation runs (the bottom frame's object). */
    public Runnable target() {
        return target;
    }

    /** Number of captured frames (0 when done). */
    public int depth() {
        return frames.length;
    }

    /** The captured frames, bottom first. For serializers; frames must not be modified. */
    public Frame[] frames() {
        return frames.clone();
    }

    /** Rebuilds a captured continuation, e.g. after deserialization. */
    public static Continuation restore(Runnable target, Frame[] frames, Object value) {
        Objects.requireNonNull(target, "target");
        return new Continuation(target, frames.clone(), value, false);
    }

    private static Continuation run(Runnable target, Frame[] frames, Object valueIn) {
        StackRecorder recorder = new StackRecorder(frames, valueIn);
        recorder.runInside(target);
        if (recorder.restoreIncomplete()) {
            throw new ResumeException("Cannot resume: the code returned before reaching the suspension point; frame "
                    + recorder.nextFrameLabel() + " was never re-entered. The captured stack does not match the code.");
        }
        if (recorder.capturing) {
            return new Continuation(target, recorder.capturedFrames(), recorder.valueOut(), true);
        }
        return new Continuation(target, NO_FRAMES, null, true);
    }

    private static ClassLoader classLoaderOf(Runnable target) {
        ClassLoader loader = target.getClass().getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    @Override
    public String toString() {
        if (isDone()) {
            return "Continuation[done]";
        }
        return "Continuation[" + frames.length + " frames, top " + frames[frames.length - 1].methodLabel() + "]";
    }
}
