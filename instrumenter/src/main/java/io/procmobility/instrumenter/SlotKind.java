package io.procmobility.instrumenter;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * How one saved value is stored in a frame: primitives in the {@code long[]}, references in the
 * {@code Object[]}; a value known to be {@code null} is not stored at all and restored as
 * {@code null} (it keeps its precise "null" type for the verifier).
 */
enum SlotKind {
    INT("putInt", "(I" + RuntimeNames.FRAME_DESC + "I)V", "getInt", "(I)I", Opcodes.ILOAD, Opcodes.ISTORE),
    LONG("putLong", "(J" + RuntimeNames.FRAME_DESC + "I)V", "getLong", "(I)J", Opcodes.LLOAD, Opcodes.LSTORE),
    FLOAT("putFloat", "(F" + RuntimeNames.FRAME_DESC + "I)V", "getFloat", "(I)F", Opcodes.FLOAD, Opcodes.FSTORE),
    DOUBLE("putDouble", "(D" + RuntimeNames.FRAME_DESC + "I)V", "getDouble", "(I)D", Opcodes.DLOAD, Opcodes.DSTORE),
    REF("putRef", "(Ljava/lang/Object;" + RuntimeNames.FRAME_DESC + "I)V", "getRef", "(I)Ljava/lang/Object;",
            Opcodes.ALOAD, Opcodes.ASTORE),
    NULL(null, null, null, null, Opcodes.ALOAD, Opcodes.ASTORE);

    final String putName;
    final String putDesc;
    final String getName;
    final String getDesc;
    final int loadOpcode;
    final int storeOpcode;

    SlotKind(String putName, String putDesc, String getName, String getDesc, int loadOpcode, int storeOpcode) {
        this.putName = putName;
        this.putDesc = putDesc;
        this.getName = getName;
        this.getDesc = getDesc;
        this.loadOpcode = loadOpcode;
        this.storeOpcode = storeOpcode;
    }

    /** True for values kept in the frame's primitive array. */
    boolean isPrimitive() {
        return this == INT || this == LONG || this == FLOAT || this == DOUBLE;
    }

    /** Operand-stack size of the value (2 for long and double). */
    int size() {
        return this == LONG || this == DOUBLE ? 2 : 1;
    }

    /** The kind of an analyzed value, or {@code null} when it holds nothing usable (unset or conflicting types). */
    static SlotKind of(BasicValue value) {
        Type type = value == null ? null : value.getType();
        if (type == null) {
            return null;
        }
        switch (type.getSort()) {
            case Type.BOOLEAN: case Type.CHAR: case Type.BYTE: case Type.SHORT: case Type.INT:
                return INT;
            case Type.FLOAT:
                return FLOAT;
            case Type.LONG:
                return LONG;
            case Type.DOUBLE:
                return DOUBLE;
            case Type.ARRAY:
                return REF;
            case Type.OBJECT:
                return isNullType(type) ? NULL : REF;
            default:
                return null;
        }
    }

    /** SimpleVerifier's type of the {@code null} literal. */
    static boolean isNullType(Type type) {
        return type.getSort() == Type.OBJECT && type.getInternalName().equals("null");
    }
}
