package io.procmobility.instrumenter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Hash of a method's original bytecode: instructions, operands, branch structure and exception
 * table, but not debug information (line numbers, local names, frames), so compiling with or
 * without {@code -g} gives the same hash. A resumed frame is refused when its hash differs from
 * the loaded method's.
 */
final class MethodHasher extends MethodVisitor {
    private final MessageDigest digest;
    private final Map<Label, Integer> labels = new HashMap<>();
    private final Set<Label> referenced;

    private MethodHasher(Set<Label> referenced) {
        super(Opcodes.ASM9);
        this.referenced = referenced;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The first 8 bytes of SHA-256 over the method's canonical bytecode. */
    static long hash(String owner, MethodNode method) {
        MethodHasher hasher = new MethodHasher(referencedLabels(method));
        hasher.text(owner).text(method.name).text(method.desc).integer(method.access);
        method.accept(hasher);
        return ByteBuffer.wrap(hasher.digest.digest()).getLong();
    }

    /** Labels that branches, switches and handlers refer to; the others only carry debug info. */
    private static Set<Label> referencedLabels(MethodNode method) {
        Set<Label> result = new HashSet<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof JumpInsnNode jump) {
                result.add(jump.label.getLabel());
            } else if (insn instanceof TableSwitchInsnNode table) {
                result.add(table.dflt.getLabel());
                table.labels.forEach(l -> result.add(l.getLabel()));
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                result.add(lookup.dflt.getLabel());
                lookup.labels.forEach(l -> result.add(l.getLabel()));
            }
        }
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            result.add(block.start.getLabel());
            result.add(block.end.getLabel());
            result.add(block.handler.getLabel());
        }
        return result;
    }

    private MethodHasher text(String s) {
        byte[] bytes = (s == null ? "\0" : s).getBytes(StandardCharsets.UTF_8);
        integer(bytes.length);
        digest.update(bytes);
        return this;
    }

    private MethodHasher integer(int v) {
        digest.update((byte) (v >>> 24));
        digest.update((byte) (v >>> 16));
        digest.update((byte) (v >>> 8));
        digest.update((byte) v);
        return this;
    }

    private int label(Label label) {
        return labels.computeIfAbsent(label, l -> labels.size());
    }

    private void constant(Object value) {
        if (value instanceof Handle handle) {
            integer(handle.getTag()).text(handle.getOwner()).text(handle.getName()).text(handle.getDesc());
        } else if (value instanceof org.objectweb.asm.ConstantDynamic condy) {
            text(condy.getName()).text(condy.getDescriptor());
            constant(condy.getBootstrapMethod());
            for (int i = 0; i < condy.getBootstrapMethodArgumentCount(); i++) {
                constant(condy.getBootstrapMethodArgument(i));
            }
        } else {
            text(value == null ? "null" : value.getClass().getName() + ":" + value);
        }
    }

    @Override
    public void visitInsn(int opcode) {
        integer(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        integer(opcode).integer(operand);
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
        integer(opcode).integer(var);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        integer(opcode).text(type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        integer(opcode).text(owner).text(name).text(descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        integer(opcode).text(owner).text(name).text(descriptor).integer(isInterface ? 1 : 0);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... args) {
        integer(Opcodes.INVOKEDYNAMIC).text(name).text(descriptor);
        constant(bsm);
        for (Object arg : args) {
            constant(arg);
        }
    }

    @Override
    public void visitJumpInsn(int opcode, Label target) {
        integer(opcode).integer(label(target));
    }

    @Override
    public void visitLabel(Label label) {
        if (referenced.contains(label)) {
            integer(-1).integer(label(label));
        }
    }

    @Override
    public void visitLdcInsn(Object value) {
        integer(Opcodes.LDC);
        constant(value);
    }

    @Override
    public void visitIincInsn(int var, int increment) {
        integer(Opcodes.IINC).integer(var).integer(increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... targets) {
        integer(Opcodes.TABLESWITCH).integer(min).integer(max).integer(label(dflt));
        for (Label target : targets) {
            integer(label(target));
        }
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] targets) {
        integer(Opcodes.LOOKUPSWITCH).integer(label(dflt));
        for (int i = 0; i < keys.length; i++) {
            integer(keys[i]).integer(label(targets[i]));
        }
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dims) {
        integer(Opcodes.MULTIANEWARRAY).text(descriptor).integer(dims);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        integer(-2).integer(label(start)).integer(label(end)).integer(label(handler)).text(type);
    }
}
