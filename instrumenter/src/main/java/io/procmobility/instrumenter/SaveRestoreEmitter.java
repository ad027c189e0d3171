package io.procmobility.instrumenter;

import static io.procmobility.instrumenter.RuntimeNames.FRAME;
import static io.procmobility.instrumenter.RuntimeNames.RECORDER;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Emits the capture/restore code of one method (return-with-flag unwinding, lazy saving):
 * <ul>
 *   <li>on entry: fetch the recorder once; when restoring and this method is the next frame,
 *       jump to the dispatcher;</li>
 *   <li>after each suspendable call: if a capture is under way, jump to that site's save block;</li>
 *   <li>save block: drop the dummy result, push a frame, store stack entries and live locals,
 *       return a dummy value;</li>
 *   <li>dispatcher + restore blocks: reload locals and stack, push the receiver and dummy
 *       arguments, and jump back onto the call, whose callee restores itself in turn.</li>
 * </ul>
 * Save and restore blocks sit after the original code, outside every try range.
 */
final class SaveRestoreEmitter {
    private final String owner;
    private final MethodNode method;
    private final long hash;
    private final int recorderLocal;
    private final int frameLocal;

    SaveRestoreEmitter(String owner, MethodNode method, long hash) {
        this.owner = owner;
        this.method = method;
        this.hash = hash;
        this.recorderLocal = method.maxLocals;
        this.frameLocal = method.maxLocals + 1;
        method.maxLocals += 2;
    }

    void emit(List<SiteLayout> sites) {
        LabelNode start = new LabelNode();
        LabelNode dispatch = new LabelNode();
        method.instructions.insert(prologue(start, dispatch));
        for (SiteLayout site : sites) {
            method.instructions.insertBefore(site.call, site.callLabel);
            method.instructions.insert(site.call, captureCheck(site));
        }
        method.instructions.add(dispatcher(dispatch, sites));
        for (SiteLayout site : sites) {
            method.instructions.add(saveBlock(site));
            method.instructions.add(restoreBlock(site));
        }
    }

    private InsnList prologue(LabelNode start, LabelNode dispatch) {
        InsnList code = new InsnList();
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RECORDER, RuntimeNames.CURRENT, RuntimeNames.CURRENT_DESC, false));
        code.add(new VarInsnNode(Opcodes.ASTORE, recorderLocal));
        code.add(new VarInsnNode(Opcodes.ALOAD, recorderLocal));
        code.add(new FieldInsnNode(Opcodes.GETFIELD, RECORDER, RuntimeNames.RESTORING, "Z"));
        code.add(new JumpInsnNode(Opcodes.IFEQ, start));
        code.add(new VarInsnNode(Opcodes.ALOAD, recorderLocal));
        code.add(methodIdentity());
        code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, RECORDER, RuntimeNames.POP_FRAME, RuntimeNames.POP_FRAME_DESC, false));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new VarInsnNode(Opcodes.ASTORE, frameLocal));
        code.add(new JumpInsnNode(Opcodes.IFNONNULL, dispatch));
        code.add(start);
        return code;
    }

    private InsnList methodIdentity() {
        InsnList code = new InsnList();
        code.add(new LdcInsnNode(owner));
        code.add(new LdcInsnNode(method.name));
        code.add(new LdcInsnNode(method.desc));
        code.add(new LdcInsnNode(hash));
        return code;
    }

    private InsnList captureCheck(SiteLayout site) {
        InsnList code = new InsnList();
        code.add(new VarInsnNode(Opcodes.ALOAD, recorderLocal));
        code.add(new FieldInsnNode(Opcodes.GETFIELD, RECORDER, RuntimeNames.CAPTURING, "Z"));
        code.add(new JumpInsnNode(Opcodes.IFNE, site.saveLabel));
        return code;
    }

    private InsnList dispatcher(LabelNode dispatch, List<SiteLayout> sites) {
        InsnList code = new InsnList();
        code.add(dispatch);
        code.add(new VarInsnNode(Opcodes.ALOAD, frameLocal));
        code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, FRAME, RuntimeNames.CALL_SITE, "()I", false));
        LabelNode invalid = new LabelNode();
        LabelNode[] targets = new LabelNode[sites.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = sites.get(i).restoreLabel;
        }
        code.add(new TableSwitchInsnNode(0, targets.length - 1, invalid, targets));
        code.add(invalid);
        code.add(new VarInsnNode(Opcodes.ALOAD, frameLocal));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RECORDER, RuntimeNames.INVALID_CALL_SITE,
                RuntimeNames.INVALID_CALL_SITE_DESC, false));
        code.add(new InsnNode(Opcodes.ATHROW));
        return code;
    }

    private InsnList saveBlock(SiteLayout site) {
        InsnList code = new InsnList();
        code.add(site.saveLabel);
        Type result = Type.getReturnType(site.call.desc);
        if (result.getSize() == 1) {
            code.add(new InsnNode(Opcodes.POP));
        } else if (result.getSize() == 2) {
            code.add(new InsnNode(Opcodes.POP2));
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, recorderLocal));
        code.add(methodIdentity());
        code.add(Insns.pushInt(site.number));
        code.add(Insns.pushInt(site.prims));
        code.add(Insns.pushInt(site.refs));
        code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, RECORDER, RuntimeNames.PUSH_FRAME, RuntimeNames.PUSH_FRAME_DESC, false));
        code.add(new VarInsnNode(Opcodes.ASTORE, frameLocal));
        for (int s = site.stack.size() - 1; s >= 0; s--) {
            SiteLayout.Saved saved = site.stack.get(s);
            if (saved.kind() == SlotKind.NULL) {
                code.add(new InsnNode(Opcodes.POP));
            } else {
                code.add(put(saved));
            }
        }
        for (SiteLayout.Saved saved : site.locals) {
            if (saved.kind() != SlotKind.NULL) {
                code.add(new VarInsnNode(saved.kind().loadOpcode, saved.local()));
                code.add(put(saved));
            }
        }
        Type returnType = Type.getReturnType(method.desc);
        if (returnType.getSort() != Type.VOID) {
            code.add(Insns.zero(returnType));
        }
        code.add(new InsnNode(returnType.getOpcode(Opcodes.IRETURN)));
        return code;
    }

    private InsnList put(SiteLayout.Saved saved) {
        InsnList code = new InsnList();
        code.add(new VarInsnNode(Opcodes.ALOAD, frameLocal));
        code.add(Insns.pushInt(saved.index()));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, FRAME, saved.kind().putName, saved.kind().putDesc, false));
        return code;
    }

    private InsnList restoreBlock(SiteLayout site) {
        InsnList code = new InsnList();
        code.add(site.restoreLabel);
        for (SiteLayout.Saved saved : site.locals) {
            code.add(get(saved));
            code.add(new VarInsnNode(saved.kind().storeOpcode, saved.local()));
        }
        for (SiteLayout.Saved saved : site.stack) {
            code.add(get(saved));
        }
        if (site.receiverType != null) {
            code.add(new VarInsnNode(Opcodes.ALOAD, site.receiverLocal));
            code.add(cast(site.receiverType));
        }
        for (Type arg : Type.getArgumentTypes(site.call.desc)) {
            code.add(Insns.zero(arg));
        }
        code.add(new JumpInsnNode(Opcodes.GOTO, site.callLabel));
        return code;
    }

    private InsnList get(SiteLayout.Saved saved) {
        InsnList code = new InsnList();
        if (saved.kind() == SlotKind.NULL) {
            code.add(new InsnNode(Opcodes.ACONST_NULL));
            return code;
        }
        code.add(new VarInsnNode(Opcodes.ALOAD, frameLocal));
        code.add(Insns.pushInt(saved.index()));
        code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, FRAME, saved.kind().getName, saved.kind().getDesc, false));
        if (saved.kind() == SlotKind.REF) {
            code.add(cast(saved.type()));
        }
        return code;
    }

    private static InsnList cast(Type type) {
        InsnList code = new InsnList();
        if (!SlotKind.isNullType(type) && !type.getDescriptor().equals("Ljava/lang/Object;")) {
            code.add(new TypeInsnNode(Opcodes.CHECKCAST, type.getSort() == Type.ARRAY ? type.getDescriptor() : type.getInternalName()));
        }
        return code;
    }
}
