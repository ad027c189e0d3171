package io.procmobility.instrumenter;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Decides whether a class is instrumented: selected by the config or {@code @Mobile}, and not yet done. */
final class ClassSelector {
    private static final String[] NEVER = {
        "java/", "javax/", "jdk/", "sun/", "com/sun/",
        "io/procmobility/internal/", "io/procmobility/continuation/", "io/procmobility/serial/",
        "io/procmobility/instrumenter/", "io/procmobility/agent/",
    };

    private static final String BEHAVIOUR_PACKAGE = "io/procmobility/behaviour/";

    private final InstrumenterConfig config;

    ClassSelector(InstrumenterConfig config) {
        this.config = config;
    }

    /** Cheap test on the name alone: false when the class can never be instrumented. */
    static boolean mayInstrument(String internalName) {
        for (String prefix : NEVER) {
            if (internalName.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    boolean select(ClassNode node) {
        if ((node.access & (Opcodes.ACC_MODULE | Opcodes.ACC_ANNOTATION)) != 0 || !mayInstrument(node.name)
                || isInstrumented(node) || config.excluded(node.name)) {
            return false;
        }
        if (config.matches(node.name) || hasMobile(node.visibleAnnotations) || hasMobile(node.invisibleAnnotations)
                || isBehaviour(node)) {
            return true;
        }
        for (MethodNode method : node.methods) {
            if (hasMobile(method.visibleAnnotations) || hasMobile(method.invisibleAnnotations)) {
                return true;
            }
        }
        return false;
    }

    /** Classes that directly implement or extend a mobile behaviour ({@code io.procmobility.behaviour}) are mobile. */
    private static boolean isBehaviour(ClassNode node) {
        if (node.superName != null && node.superName.startsWith(BEHAVIOUR_PACKAGE)) {
            return true;
        }
        for (String itf : node.interfaces) {
            if (itf.startsWith(BEHAVIOUR_PACKAGE)) {
                return true;
            }
        }
        return false;
    }

    /** True when the instrumenter already transformed this class. */
    static boolean isInstrumented(ClassNode node) {
        return has(node.visibleAnnotations, RuntimeNames.INSTRUMENTED_CLASS_DESC);
    }

    private static boolean hasMobile(List<AnnotationNode> annotations) {
        return has(annotations, RuntimeNames.MOBILE_DESC);
    }

    private static boolean has(List<AnnotationNode> annotations, String desc) {
        if (annotations != null) {
            for (AnnotationNode annotation : annotations) {
                if (annotation.desc.equals(desc)) {
                    return true;
                }
            }
        }
        return false;
    }
}
