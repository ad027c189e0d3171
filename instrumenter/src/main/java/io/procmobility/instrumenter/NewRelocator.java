package io.procmobility.instrumenter;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * {@code new Foo(bar())} compiles to {@code NEW Foo; DUP; INVOKE bar; INVOKESPECIAL <init>}: while
 * {@code bar} runs, two uninitialized references sit on the operand stack, and those can be
 * neither saved nor re-created. This pass moves {@code NEW; DUP} after the argument evaluation
 * (arguments go through temporary locals), as tascalate's {@code moveNew} does. The only visible
 * difference: the class {@code Foo} is initialized after its arguments are evaluated.
 */
final class NewRelocator {
    private final ClassNode owner;
    private final MethodNode method;

    NewRelocator(ClassNode owner, MethodNode method) {
        this.owner = owner;
        this.method = method;
    }

    /** Relocates every {@code NEW} whose value is on the stack at one of the suspendable calls. */
    void relocate(List<MethodInsnNode> sites) throws AnalyzerException {
        while (true) {
            Frame<SourceValue>[] frames = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
            TypeInsnNode pending = findPendingNew(frames, sites);
            if (pending == null) {
                return;
            }
            move(pending, frames);
        }
    }

    private TypeInsnNode findPendingNew(Frame<SourceValue>[] frames, List<MethodInsnNode> sites) {
        for (MethodInsnNode site : sites) {
            int siteIndex = method.instructions.indexOf(site);
            Frame<SourceValue> frame = frames[siteIndex];
            if (frame == null) {
                continue;
            }
            for (int s = 0; s < frame.getStackSize(); s++) {
                TypeInsnNode created = newOf(frame.getStack(s));
                if (created != null && isUninitializedAt(created, siteIndex, frames)) {
                    return created;
                }
            }
        }
        return null;
    }

    /**
     * SourceInterpreter does not model initialization: after {@code <init>} the object still has
     * its NEW as source. It is uninitialized only between the NEW and its constructor call, which
     * javac lays out in that order.
     */
    private boolean isUninitializedAt(TypeInsnNode created, int siteIndex, Frame<SourceValue>[] frames) {
        int newIndex = method.instructions.indexOf(created);
        if (siteIndex < newIndex) {
            return false;
        }
        AbstractInsnNode dup = Insns.nextReal(created);
        MethodInsnNode init = dup != null && dup.getOpcode() == Opcodes.DUP ? findConstructorCall(dup, created, frames) : null;
        return init == null || siteIndex < method.instructions.indexOf(init);
    }

    /** The NEW that produced {@code value}, directly or through the DUP right after it. */
    private static TypeInsnNode newOf(SourceValue value) {
        for (AbstractInsnNode source : value.insns) {
            if (source.getOpcode() == Opcodes.NEW) {
                return (TypeInsnNode) source;
            }
            if (source.getOpcode() == Opcodes.DUP) {
                AbstractInsnNode before = previousReal(source);
                if (before != null && before.getOpcode() == Opcodes.NEW) {
                    return (TypeInsnNode) before;
                }
            }
        }
        return null;
    }

    private static AbstractInsnNode previousReal(AbstractInsnNode insn) {
        AbstractInsnNode p = insn.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    private void move(TypeInsnNode created, Frame<SourceValue>[] frames) {
        AbstractInsnNode dup = Insns.nextReal(created);
        int line = Insns.lineOf(created);
        if (dup == null || dup.getOpcode() != Opcodes.DUP) {
            throw new InstrumentationException(owner.name, method.name, line, "the object creation 'new "
                    + created.desc.replace('/', '.') + "(...)' does not follow the NEW; DUP pattern javac emits,"
                    + " and a suspendable call runs while the object is uninitialized. Fix: assign the suspendable"
                    + " call's result to a local variable before the 'new'.");
        }
        MethodInsnNode init = findConstructorCall(dup, created, frames);
        if (init == null) {
            throw new InstrumentationException(owner.name, method.name, line, "cannot find the constructor call of 'new "
                    + created.desc.replace('/', '.') + "'. Fix: assign the suspendable argument to a local variable first.");
        }
        Type[] args = Type.getArgumentTypes(init.desc);
        int[] temps = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            temps[i] = method.maxLocals;
            method.maxLocals += args[i].getSize();
        }
        InsnList before = new InsnList();
        for (int i = args.length - 1; i >= 0; i--) {
            before.add(new VarInsnNode(Insns.storeOpcode(args[i]), temps[i]));
        }
        before.add(new TypeInsnNode(Opcodes.NEW, created.desc));
        before.add(new InsnNode(Opcodes.DUP));
        for (int i = 0; i < args.length; i++) {
            before.add(new VarInsnNode(Insns.loadOpcode(args[i]), temps[i]));
        }
        method.instructions.insertBefore(init, before);
        method.instructions.remove(dup);
        method.instructions.remove(created);
    }

    /** The {@code INVOKESPECIAL <init>} whose receiver is the value {@code dup} copied. */
    private MethodInsnNode findConstructorCall(AbstractInsnNode dup, TypeInsnNode created, Frame<SourceValue>[] frames) {
        for (AbstractInsnNode insn = dup.getNext(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.INVOKESPECIAL && insn instanceof MethodInsnNode call
                    && call.name.equals("<init>") && call.owner.equals(created.desc)) {
                Frame<SourceValue> frame = frames[method.instructions.indexOf(call)];
                if (frame == null) {
                    continue;
                }
                int receiver = frame.getStackSize() - Type.getArgumentTypes(call.desc).length - 1;
                if (receiver >= 0 && frame.getStack(receiver).insns.contains(dup)) {
                    return call;
                }
            }
        }
        return null;
    }
}
