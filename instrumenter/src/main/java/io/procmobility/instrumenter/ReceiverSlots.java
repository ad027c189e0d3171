package io.procmobility.instrumenter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * To resume, a frame re-executes the call it was suspended in, so it needs that call's receiver
 * again. The callee cannot provide it (a lambda's generated class is a pass-through frame that
 * saves nothing), so the caller finds it in a local: {@code this}, the local the receiver was
 * loaded from when it still holds it at the call, or else a temporary local the receiver is
 * copied into just before the call (a few register moves once JIT-compiled).
 */
final class ReceiverSlots {
    private ReceiverSlots() {
    }

    /** For each call with a receiver, the local that holds it at the call. */
    static Map<MethodInsnNode, Integer> assign(ClassNode owner, MethodNode method, List<MethodInsnNode> sites)
            throws AnalyzerException {
        Frame<SourceValue>[] frames = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
        Map<MethodInsnNode, Integer> result = new HashMap<>();
        Map<MethodInsnNode, Boolean> needsSpill = new HashMap<>();
        for (MethodInsnNode site : sites) {
            if (!Insns.hasReceiver(site)) {
                continue;
            }
            Frame<SourceValue> frame = frames[method.instructions.indexOf(site)];
            if (frame == null) {
                continue;
            }
            int local = localHoldingReceiver(method, frames, frame, site);
            if (local >= 0) {
                result.put(site, local);
            } else {
                needsSpill.put(site, Boolean.TRUE);
            }
        }
        for (MethodInsnNode site : sites) {
            if (needsSpill.containsKey(site)) {
                result.put(site, spill(method, site));
            }
        }
        return result;
    }

    private static int localHoldingReceiver(MethodNode method, Frame<SourceValue>[] frames, Frame<SourceValue> atCall,
            MethodInsnNode site) {
        SourceValue receiver = atCall.getStack(atCall.getStackSize() - Insns.consumedValues(site));
        if (receiver.insns.size() != 1) {
            return -1;
        }
        AbstractInsnNode source = receiver.insns.iterator().next();
        if (source.getOpcode() != Opcodes.ALOAD) {
            return -1;
        }
        int local = ((VarInsnNode) source).var;
        Frame<SourceValue> atLoad = frames[method.instructions.indexOf(source)];
        // The local still holds the receiver when no store reached it between the load and the call.
        return atLoad != null && atLoad.getLocal(local).equals(atCall.getLocal(local)) ? local : -1;
    }

    /** Copies the receiver into a new local just before the call; returns that local. */
    private static int spill(MethodNode method, MethodInsnNode site) {
        Type[] args = Type.getArgumentTypes(site.desc);
        int[] temps = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            temps[i] = method.maxLocals;
            method.maxLocals += args[i].getSize();
        }
        int receiverLocal = method.maxLocals++;
        InsnList code = new InsnList();
        for (int i = args.length - 1; i >= 0; i--) {
            code.add(new VarInsnNode(Insns.storeOpcode(args[i]), temps[i]));
        }
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new VarInsnNode(Opcodes.ASTORE, receiverLocal));
        for (int i = 0; i < args.length; i++) {
            code.add(new VarInsnNode(Insns.loadOpcode(args[i]), temps[i]));
        }
        method.instructions.insertBefore(site, code);
        // The DUP can push one word past the original maximum (receiver on a full stack, e.g.
        // arr[k.ordinal()] in an enum switch); the analyzers that run next check against maxStack.
        method.maxStack += 1;
        return receiverLocal;
    }
}
