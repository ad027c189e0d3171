package io.procmobility.instrumenter;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * ASM's {@link SimpleVerifier} with class relations answered by {@link ClassHierarchy} (class
 * files) instead of {@code Class.forName}. It gives the precise type of every local and stack
 * slot at a call site, which the restore code needs for its casts.
 */
final class HierarchyVerifier extends SimpleVerifier {
    private static final Type OBJECT = Type.getObjectType(ClassHierarchy.OBJECT);
    private final ClassHierarchy hierarchy;

    HierarchyVerifier(ClassHierarchy hierarchy, Type currentClass, Type superClass, List<Type> interfaces, boolean isInterface) {
        super(Opcodes.ASM9, currentClass, superClass, interfaces, isInterface);
        this.hierarchy = hierarchy;
    }

    @Override
    protected boolean isInterface(Type type) {
        return type.getSort() == Type.OBJECT && hierarchy.isInterface(type.getInternalName());
    }

    @Override
    protected Type getSuperClass(Type type) {
        if (type.getSort() == Type.ARRAY) {
            return OBJECT;
        }
        String superName = hierarchy.superName(type.getInternalName());
        return superName == null ? null : Type.getObjectType(superName);
    }

    @Override
    protected boolean isAssignableFrom(Type to, Type from) {
        if (to.equals(from) || to.equals(OBJECT)) {
            return true;
        }
        if (to.getSort() == Type.ARRAY) {
            if (from.getSort() != Type.ARRAY) {
                return false;
            }
            Type toElement = Type.getType(to.getDescriptor().substring(1));
            Type fromElement = Type.getType(from.getDescriptor().substring(1));
            boolean toRef = toElement.getSort() >= Type.ARRAY;
            boolean fromRef = fromElement.getSort() >= Type.ARRAY;
            return toRef && fromRef ? isAssignableFrom(toElement, fromElement) : toElement.equals(fromElement);
        }
        if (from.getSort() == Type.ARRAY) {
            String name = to.getInternalName();
            return name.equals("java/lang/Cloneable") || name.equals("java/io/Serializable");
        }
        return hierarchy.isAssignable(to.getInternalName(), from.getInternalName());
    }

    @Override
    protected Class<?> getClass(Type type) {
        throw new IllegalStateException("procmobility never loads classes while instrumenting: " + type);
    }
}
