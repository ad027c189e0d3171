package io.procmobility.instrumenter;

import java.util.BitSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which local variable slots may still be read before being written, at each instruction.
 * Only live slots are saved in a captured frame, so dead values (and the garbage they hold) never
 * travel with a continuation.
 */
final class Liveness {
    private Liveness() {
    }

    /** {@code result[i]} = slots live on entry to instruction {@code i} (exception handlers included). */
    static BitSet[] liveIn(MethodNode method, FlowAnalysis flow) {
        int size = method.instructions.size();
        AbstractInsnNode[] insns = method.instructions.toArray();
        BitSet[] in = new BitSet[size];
        for (int i = 0; i < size; i++) {
            in[i] = new BitSet();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = size - 1; i >= 0; i--) {
                if (flow.frames[i] == null) {
                    continue;
                }
                BitSet live = new BitSet();
                for (int s : flow.successors.get(i)) {
                    live.or(in[s]);
                }
                AbstractInsnNode insn = insns[i];
                int defined = defines(insn);
                if (defined >= 0) {
                    live.clear(defined);
                }
                int used = uses(insn);
                if (used >= 0) {
                    live.set(used);
                }
                // A throwing instruction leaves its own store undone; the handler sees what was live before.
                for (int h : flow.handlers.get(i)) {
                    live.or(in[h]);
                }
                if (!live.equals(in[i])) {
                    in[i] = live;
                    changed = true;
                }
            }
        }
        return in;
    }

    private static int uses(AbstractInsnNode insn) {
        if (insn instanceof VarInsnNode var) {
            int op = var.getOpcode();
            return op >= Opcodes.ILOAD && op <= Opcodes.ALOAD || op == Opcodes.RET ? var.var : -1;
        }
        return insn instanceof IincInsnNode iinc ? iinc.var : -1;
    }

    private static int defines(AbstractInsnNode insn) {
        if (insn instanceof VarInsnNode var) {
            int op = var.getOpcode();
            return op >= Opcodes.ISTORE && op <= Opcodes.ASTORE ? var.var : -1;
        }
        return -1;
    }
}
