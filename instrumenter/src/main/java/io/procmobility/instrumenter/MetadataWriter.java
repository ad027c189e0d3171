package io.procmobility.instrumenter;

import java.util.List;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.LabelNode;

/**
 * Adds the {@code @InstrumentedClass} annotation once the instrumented code is laid out, so it
 * can record each call site's final bytecode offset (what {@code StackWalker} reports). The
 * class is copied through unchanged otherwise, so offsets stay valid.
 */
final class MetadataWriter extends ClassVisitor {
    private final List<MethodInstrumenter.Result> methods;
    private final String source;

    MetadataWriter(ClassVisitor next, String source, List<MethodInstrumenter.Result> methods) {
        super(Opcodes.ASM9, next);
        this.source = source;
        this.methods = methods;
    }

    @Override
    public void visitEnd() {
        AnnotationVisitor annotation = super.visitAnnotation(RuntimeNames.INSTRUMENTED_CLASS_DESC, true);
        annotation.visit("version", RuntimeNames.FORMAT_VERSION);
        annotation.visit("source", source == null ? "" : source);
        AnnotationVisitor array = annotation.visitArray("methods");
        for (MethodInstrumenter.Result method : methods) {
            AnnotationVisitor m = array.visitAnnotation(null, RuntimeNames.INSTRUMENTED_METHOD_DESC);
            m.visit("name", method.name());
            m.visit("desc", method.desc());
            m.visit("hash", method.hash());
            int sites = method.sites().size();
            int[] offsets = new int[sites];
            int[] lines = new int[sites];
            AnnotationVisitor names = m.visitArray("callSiteRefNames");
            for (int i = 0; i < sites; i++) {
                SiteLayout site = method.sites().get(i);
                offsets[i] = site.callLabel.getLabel().getOffset();
                lines[i] = site.line;
                names.visit(null, site.refNames());
            }
            names.visitEnd();
            m.visit("callSiteOffsets", offsets);
            m.visit("callSiteLines", lines);
            m.visit("monitorOffsets", offsetsOf(method.monitorLabels()));
            m.visit("monitorLines", method.monitorLines().stream().mapToInt(Integer::intValue).toArray());
            m.visitEnd();
        }
        array.visitEnd();
        annotation.visitEnd();
        super.visitEnd();
    }

    private static int[] offsetsOf(List<LabelNode> labels) {
        int[] offsets = new int[labels.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = labels.get(i).getLabel().getOffset();
        }
        return offsets;
    }
}
