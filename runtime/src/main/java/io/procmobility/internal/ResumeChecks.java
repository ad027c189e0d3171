package io.procmobility.internal;

import io.procmobility.continuation.ResumeException;

/**
 * Checks, before a captured stack runs again, that every frame's class is present in the target
 * class loader, is instrumented, and has the very method that was captured with the same bytecode.
 * Failing here, before any frame is restored, means no code runs on a stack that cannot be
 * completed. Not API.
 */
public final class ResumeChecks {
    private ResumeChecks() {
    }

    /** Throws {@link ResumeException} naming class and method unless all frames can be resumed in {@code loader}. */
    public static void verifyResumable(Frame[] frames, ClassLoader loader) {
        for (Frame frame : frames) {
            String className = frame.owner().replace('/', '.');
            Class<?> type;
            try {
                type = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ResumeException("Cannot resume " + frame.methodLabel() + ": class " + className
                        + " is missing here (" + e + "). Deploy the same classes on this JVM.", e);
            }
            ClassMetadata meta = ClassMetadata.of(type);
            if (!meta.isInstrumented()) {
                throw new ResumeException("Cannot resume " + frame.methodLabel() + ": class " + className
                        + " is not instrumented in this JVM. Run it with the procmobility agent (include=" + className
                        + ") or instrument it at build time.");
            }
            MethodMetadata method = meta.method(frame.name(), frame.descriptor());
            if (method == null) {
                throw new ResumeException("Cannot resume " + frame.methodLabel() + ": the method is missing or not instrumented in "
                        + className + " here. Deploy the same build of the class.");
            }
            if (method.hash() != frame.hash()) {
                throw new ResumeException(hashMismatch(frame, method.hash()));
            }
        }
    }

    /** Message for a frame whose method's bytecode differs from the loaded one. */
    public static String hashMismatch(Frame frame, long loadedHash) {
        return "Cannot resume " + frame.methodLabel() + ": its bytecode changed since the capture (captured hash "
                + Long.toHexString(frame.hash()) + ", loaded " + Long.toHexString(loadedHash)
                + "). Resume with the same build of " + frame.owner().replace('/', '.') + ".";
    }
}
