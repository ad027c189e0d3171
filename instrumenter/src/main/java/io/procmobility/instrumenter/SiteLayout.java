package io.procmobility.instrumenter;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * What one suspendable call site saves and restores: its live locals and the operand-stack
 * entries below the call's receiver and arguments, each with a kind, a precise type for the
 * restore cast, and an index into the frame's primitive or reference array.
 */
final class SiteLayout {
    /** One saved value: a local ({@code local >= 0}) or a stack entry ({@code local == -1}). */
    record Saved(SlotKind kind, Type type, int local, int index) {
    }

    final int number;
    final MethodInsnNode call;
    final LabelNode callLabel = new LabelNode();
    final LabelNode saveLabel = new LabelNode();
    final LabelNode restoreLabel = new LabelNode();
    final List<Saved> locals = new ArrayList<>();
    final List<Saved> stack = new ArrayList<>();
    final int receiverLocal;
    final Type receiverType;
    final int line;
    int prims;
    int refs;
    private final List<String> refNames = new ArrayList<>();

    SiteLayout(String owner, MethodNode method, int number, MethodInsnNode call, Frame<BasicValue> frame, BitSet live,
            int receiverLocal) {
        this.number = number;
        this.call = call;
        this.receiverLocal = receiverLocal;
        this.line = Insns.lineOf(call);
        int callIndex = method.instructions.indexOf(call);
        for (int k = 0; k < frame.getLocals(); k++) {
            if (!live.get(k) && k != receiverLocal) {
                continue;
            }
            BasicValue value = frame.getLocal(k);
            SlotKind kind = SlotKind.of(value);
            if (kind == null) {
                if (k == receiverLocal) {
                    throw new InstrumentationException(owner, method.name, line, "cannot type the receiver of the call to "
                            + call.owner.replace('/', '.') + "." + call.name + "; please report this with the class file.");
                }
                continue;
            }
            locals.add(new Saved(kind, value.getType(), k, nextIndex(kind, localName(method, k, callIndex))));
        }
        int below = frame.getStackSize() - Insns.consumedValues(call);
        for (int s = 0; s < below; s++) {
            BasicValue value = frame.getStack(s);
            SlotKind kind = SlotKind.of(value);
            if (kind == null) {
                throw new InstrumentationException(owner, method.name, line, "an operand-stack value of unknown type is"
                        + " pending across the suspendable call to " + call.owner.replace('/', '.') + "." + call.name
                        + ". Fix: assign the call's result to a local variable first.");
            }
            stack.add(new Saved(kind, value.getType(), -1, nextIndex(kind, "$stack" + s)));
        }
        this.receiverType = Insns.hasReceiver(call) ? frame.getStack(below).getType() : null;
    }

    private int nextIndex(SlotKind kind, String name) {
        if (kind.isPrimitive()) {
            return prims++;
        }
        if (kind == SlotKind.REF) {
            refNames.add(name);
            return refs++;
        }
        return -1;
    }

    /** Names of the saved references in index order, joined with '|'. */
    String refNames() {
        return String.join("|", refNames);
    }

    private static String localName(MethodNode method, int local, int callIndex) {
        if (method.localVariables != null) {
            for (LocalVariableNode variable : method.localVariables) {
                if (variable.index == local && method.instructions.indexOf(variable.start) <= callIndex
                        && callIndex < method.instructions.indexOf(variable.end)) {
                    return variable.name;
                }
            }
        }
        if (local == 0 && (method.access & Opcodes.ACC_STATIC) == 0) {
            return "this";
        }
        return "slot" + local;
    }
}
