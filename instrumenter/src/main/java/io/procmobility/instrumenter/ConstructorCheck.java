package io.procmobility.instrumenter;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Refuses, at instrument time, constructors and static initializers that suspend: directly
 * ({@code Continuation.suspend}) or through methods of the same class that do. An object under
 * construction cannot be captured (it is not initialized yet on the operand stack of its creator).
 * Suspensions reached through other classes are caught by the stack check at run time.
 */
final class ConstructorCheck {
    private ConstructorCheck() {
    }

    static void check(ClassNode node) {
        Set<String> suspending = suspendingMethods(node);
        for (MethodNode method : node.methods) {
            if (!method.name.equals("<init>") && !method.name.equals("<clinit>")) {
                continue;
            }
            for (AbstractInsnNode insn : method.instructions) {
                if (CallSites.isPrimitive(insn) || callsInto(node, insn, suspending)) {
                    MethodInsnNode call = (MethodInsnNode) insn;
                    String what = method.name.equals("<init>") ? "constructor" : "static initializer";
                    throw new InstrumentationException(node.name, method.name + method.desc, Insns.lineOf(insn),
                            "the " + what + " calls " + call.owner.replace('/', '.') + "." + call.name
                                    + ", which suspends; a " + what + " cannot be suspended. Fix: move the suspending"
                                    + " call into an ordinary method called after construction.");
                }
            }
        }
    }

    /** Methods of this class that reach a suspension primitive through calls within the class. */
    private static Set<String> suspendingMethods(ClassNode node) {
        Set<String> result = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (MethodNode method : node.methods) {
                String key = method.name + method.desc;
                if (result.contains(key) || method.name.equals("<init>") || method.name.equals("<clinit>")) {
                    continue;
                }
                for (AbstractInsnNode insn : method.instructions) {
                    if (CallSites.isPrimitive(insn) || callsInto(node, insn, result)) {
                        result.add(key);
                        changed = true;
                        break;
                    }
                }
            }
        }
        return result;
    }

    private static boolean callsInto(ClassNode node, AbstractInsnNode insn, Set<String> methods) {
        return insn instanceof MethodInsnNode call && call.owner.equals(node.name)
                && methods.contains(call.name + call.desc);
    }
}
