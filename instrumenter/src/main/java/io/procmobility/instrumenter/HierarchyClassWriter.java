package io.procmobility.instrumenter;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/** A {@link ClassWriter} that computes frames from class files instead of loading classes. */
final class HierarchyClassWriter extends ClassWriter {
    private final ClassHierarchy hierarchy;

    HierarchyClassWriter(ClassReader reader, int flags, ClassHierarchy hierarchy) {
        super(reader, flags);
        this.hierarchy = hierarchy;
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return hierarchy.commonSuperClass(type1, type2);
    }

    @Override
    protected ClassLoader getClassLoader() {
        throw new IllegalStateException("procmobility never loads classes while instrumenting");
    }
}
