package io.procmobility.instrumenter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Which calls may suspend. Calls into the JDK never do (we never instrument it), nor do calls
 * into the runtime's own plumbing; everything else might, because the callee may be instrumented.
 * {@code Continuation.suspend} is the primitive that actually starts a suspension.
 */
final class CallSites {
    private static final String[] NEVER_SUSPENDING_PREFIXES = {
        "java/", "javax/", "jdk/", "sun/", "com/sun/", "[",
        "io/procmobility/internal/", "io/procmobility/serial/", "io/procmobility/instrumenter/",
    };

    private CallSites() {
    }

    /** True when {@code insn} is a call that may suspend, so its frame must be able to save itself. */
    static boolean isSuspendable(AbstractInsnNode insn) {
        if (!(insn instanceof MethodInsnNode call) || call.name.equals("<init>")) {
            return false;
        }
        if (call.owner.equals(RuntimeNames.CONTINUATION)) {
            return isPrimitive(call);
        }
        for (String prefix : NEVER_SUSPENDING_PREFIXES) {
            if (call.owner.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** True for a direct call of a suspension primitive ({@code Continuation.suspend}). */
    static boolean isPrimitive(AbstractInsnNode insn) {
        return insn instanceof MethodInsnNode call && insn.getOpcode() == Opcodes.INVOKESTATIC
                && call.owner.equals(RuntimeNames.CONTINUATION) && call.name.equals("suspend");
    }
}
