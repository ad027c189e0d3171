package io.procmobility.instrumenter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;

/** Small bytecode helpers shared by the passes. */
final class Insns {
    private Insns() {
    }

    /** Pushes the int constant {@code value} with the shortest instruction. */
    static AbstractInsnNode pushInt(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            return new IntInsnNode(Opcodes.BIPUSH, value);
        }
        if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, value);
        }
        return new LdcInsnNode(value);
    }

    /** Pushes the zero value of {@code type} (used as a dummy argument or return value). */
    static AbstractInsnNode zero(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN: case Type.CHAR: case Type.BYTE: case Type.SHORT: case Type.INT:
                return new InsnNode(Opcodes.ICONST_0);
            case Type.FLOAT:
                return new InsnNode(Opcodes.FCONST_0);
            case Type.LONG:
                return new InsnNode(Opcodes.LCONST_0);
            case Type.DOUBLE:
                return new InsnNode(Opcodes.DCONST_0);
            default:
                return new InsnNode(Opcodes.ACONST_NULL);
        }
    }

    /** Load opcode for a value of {@code type}. */
    static int loadOpcode(Type type) {
        return type.getOpcode(Opcodes.ILOAD);
    }

    /** Store opcode for a value of {@code type}. */
    static int storeOpcode(Type type) {
        return type.getOpcode(Opcodes.ISTORE);
    }

    /** True when the call has a receiver on the stack below its arguments. */
    static boolean hasReceiver(MethodInsnNode call) {
        return call.getOpcode() != Opcodes.INVOKESTATIC;
    }

    /** Number of stack values (not slots) a call consumes: receiver plus arguments. */
    static int consumedValues(MethodInsnNode call) {
        return Type.getArgumentTypes(call.desc).length + (hasReceiver(call) ? 1 : 0);
    }

    /** The next real instruction (skipping labels, line numbers and frames), or {@code null}. */
    static AbstractInsnNode nextReal(AbstractInsnNode insn) {
        AbstractInsnNode next = insn.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        return next;
    }

    /** Source line of {@code insn} from the nearest preceding line-number entry, or 0. */
    static int lineOf(AbstractInsnNode insn) {
        for (AbstractInsnNode p = insn; p != null; p = p.getPrevious()) {
            if (p instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return 0;
    }
}
