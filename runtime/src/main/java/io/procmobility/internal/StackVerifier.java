package io.procmobility.internal;

import io.procmobility.continuation.CaptureException;
import java.lang.StackWalker.StackFrame;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Walks the stack before a capture starts and refuses it, naming the frame, when a frame between
 * the suspension point and {@link StackRecorder#runInside} could not save itself: it is not
 * instrumented, it reached the code above through a call that is not a suspension point (a call
 * into the JDK), or it holds a monitor. Checking before unwinding means nothing has been torn
 * down when the error is thrown. Not API.
 */
public final class StackVerifier {
    /**
     * Whether captures are checked (default true). A check walks the stack (about 1-3 µs, the
     * dominant cost of a suspension); {@code -Dprocmobility.verifyCapture=false} skips it for code
     * whose every suspending path is known to be instrumented. Without the check, an
     * uninstrumented frame on the path silently corrupts the run: keep it on unless measured.
     */
    public static final boolean ENABLED = !"false".equals(System.getProperty("procmobility.verifyCapture"));

    private static final StackWalker WALKER = StackWalker.getInstance(Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE));
    private static final String RUNTIME_PACKAGE = "io.procmobility.";

    private StackVerifier() {
    }

    /** Throws {@link CaptureException} unless every frame up to the continuation's start can be captured. */
    public static void verifyCapturable() {
        String problem = WALKER.walk(StackVerifier::findProblem);
        if (problem != null) {
            throw new CaptureException(problem);
        }
    }

    private static String findProblem(Stream<StackFrame> stream) {
        Iterator<StackFrame> frames = stream.iterator();
        StackFrame frame = null;
        // Skip the suspension primitive's own frames (runtime classes that are not instrumented).
        while (frames.hasNext()) {
            frame = frames.next();
            if (!isRuntimeFrame(frame)) {
                break;
            }
            frame = null;
        }
        StackFrame above = null;
        while (frame != null) {
            if (isBoundary(frame)) {
                return null;
            }
            String problem = checkFrame(frame, above);
            if (problem != null) {
                return problem;
            }
            above = frame;
            frame = frames.hasNext() ? frames.next() : null;
        }
        return "Cannot suspend: no continuation is running on this thread's stack. "
                + "Call Continuation.suspend() only from code started by Continuation.startWith or continueWith.";
    }

    private static boolean isRuntimeFrame(StackFrame frame) {
        Class<?> type = frame.getDeclaringClass();
        return type.getName().startsWith(RUNTIME_PACKAGE) && !ClassMetadata.of(type).isInstrumented();
    }

    private static boolean isBoundary(StackFrame frame) {
        return frame.getDeclaringClass() == StackRecorder.class;
    }

    private static String checkFrame(StackFrame frame, StackFrame above) {
        ClassMetadata classMeta = ClassMetadata.of(frame.getDeclaringClass());
        // Resolving a frame's descriptor is the walk's dearest step: skip it unless the name is overloaded.
        MethodMetadata method = classMeta.isInstrumented() ? classMeta.uniqueMethod(frame.getMethodName()) : null;
        if (method == null && classMeta.isInstrumented()) {
            method = classMeta.method(frame.getMethodName(), frame.getDescriptor());
        }
        if (method == null) {
            return notInstrumented(frame, classMeta.isInstrumented());
        }
        int offset = frame.getByteCodeIndex();
        if (method.isMonitorSite(offset)) {
            return "Cannot suspend while holding a monitor: " + describe(frame)
                    + " calls the code above it inside a synchronized block or method. "
                    + "Fix: move the suspending call out of the synchronized region (use a java.util.concurrent lock "
                    + "released before suspending, or let the process own the state).";
        }
        if (!method.isCallSite(offset)) {
            return "Cannot suspend: " + describe(frame) + " reaches " + (above == null ? "the suspension point" : describe(above))
                    + " through a call that is not a suspension point (calls into java.*, jdk.* and the runtime never are,"
                    + " e.g. java.lang.Runnable.run or java.util.function.*). "
                    + "Fix: call it through an interface or class of your own that is instrumented.";
        }
        return null;
    }

    private static String notInstrumented(StackFrame frame, boolean classInstrumented) {
        String className = frame.getClassName();
        if (className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("javax.")) {
            return "Cannot suspend: frame " + describe(frame) + " belongs to the JDK, which is never instrumented. "
                    + "Fix: do not suspend inside callbacks run by JDK code (forEach, streams, comparators, "
                    + "reflection); use a plain loop or call your code directly.";
        }
        if (frame.getMethodName().equals("<init>") || frame.getMethodName().equals("<clinit>")) {
            return "Cannot suspend inside a constructor or static initializer: frame " + describe(frame)
                    + ". Fix: move the suspending call into an ordinary method called after construction.";
        }
        String hint = classInstrumented
                ? " Its class is instrumented but this method was not (the instrumenter found no suspendable call in it)."
                : " Fix: include its class in instrumentation (agent option include=" + packagePattern(className)
                        + ", the Maven plugin's <includes>, or annotate the class with @io.procmobility.Mobile).";
        return "Cannot suspend: frame " + describe(frame) + " is not instrumented, so its stack cannot be captured." + hint;
    }

    private static String packagePattern(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(0, dot) + ".**";
    }

    private static String describe(StackFrame frame) {
        String file = frame.getFileName();
        int line = frame.getLineNumber();
        return frame.getClassName() + "." + frame.getMethodName() + "("
                + (file == null ? "unknown source" : file) + (line > 0 ? ":" + line : "") + ")";
    }
}
