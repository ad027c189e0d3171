package io.procmobility.instrumenter;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Makes classes capturable: a pure {@code byte[] -> byte[]} transform, shared by the agent and
 * the Maven plugin. Thread-safe and stateless between calls; one instance can serve many class
 * loaders (pass each loader's {@link ClassBytesLocator}).
 *
 * <p>The passes, in order: select the class ({@link ClassSelector}); refuse suspending
 * constructors ({@link ConstructorCheck}); per method, hash the original bytecode
 * ({@link MethodHasher}), move {@code NEW}s ({@link NewRelocator}), keep receivers in locals
 * ({@link ReceiverSlots}), analyze types/liveness/monitors ({@link FlowAnalysis},
 * {@link Liveness}, {@link MonitorRegions}) and emit save/restore code
 * ({@link SaveRestoreEmitter}); write with frames computed from class files
 * ({@link HierarchyClassWriter}); then record call-site offsets ({@link MetadataWriter}).
 */
public final class Instrumenter {
    private final InstrumenterConfig config;
    private final ClassBytesLocator locator;
    private final ClassSelector selector;

    /**
     * @param config which classes to instrument
     * @param locator finds other classes' bytes (for common superclasses), without loading them
     */
    public Instrumenter(InstrumenterConfig config, ClassBytesLocator locator) {
        this.config = config;
        this.locator = locator;
        this.selector = new ClassSelector(config);
    }

    /** The configuration. */
    public InstrumenterConfig config() {
        return config;
    }

    /** Cheap pre-filter on the internal name: false when the class can never be instrumented (JDK, runtime). */
    public static boolean mayInstrument(String internalName) {
        return ClassSelector.mayInstrument(internalName);
    }

    /**
     * True when {@code classBytes} were already transformed by an instrumenter (they carry its
     * {@code @InstrumentedClass} annotation); {@link #instrument} leaves such classes alone.
     */
    public static boolean isInstrumented(byte[] classBytes) {
        ClassNode header = new ClassNode();
        new ClassReader(classBytes).accept(header, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return ClassSelector.isInstrumented(header);
    }

    /** {@link #instrument(byte[], ClassBytesLocator)} with this instrumenter's locator. */
    public byte[] instrument(byte[] classBytes) {
        return instrument(classBytes, locator);
    }

    /**
     * Instruments one class file.
     *
     * @param locator finds the bytes of the classes this one refers to (its class loader's view)
     * @return the transformed class file, or {@code null} when the class is left as it is (not
     *     selected, already instrumented, or without any suspendable call)
     * @throws InstrumentationException naming class, method and line when the class cannot be
     *     instrumented (e.g. a suspension inside a constructor)
     */
    public byte[] instrument(byte[] classBytes, ClassBytesLocator locator) {
        ClassReader reader = new ClassReader(classBytes);
        if (!mayInstrument(reader.getClassName())) {
            return null;
        }
        // Decide on the class header and annotations first: most classes an agent sees are not selected.
        ClassNode header = new ClassNode();
        reader.accept(header, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (!selector.select(header)) {
            return null;
        }
        ClassNode node = new ClassNode();
        reader.accept(node, ClassReader.SKIP_FRAMES);
        ConstructorCheck.check(node);
        inlineSubroutines(node);
        ClassHierarchy hierarchy = new ClassHierarchy(locator == null ? this.locator : locator, node);
        List<MethodInstrumenter.Result> results = new ArrayList<>();
        for (MethodNode method : node.methods) {
            if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
                    || method.name.equals("<init>") || method.name.equals("<clinit>")) {
                continue;
            }
            MethodInstrumenter.Result result = new MethodInstrumenter(node, method, hierarchy).instrument();
            if (result != null) {
                results.add(result);
            }
        }
        if (results.isEmpty()) {
            return null;
        }
        byte[] code = write(node, reader, hierarchy);
        ClassReader laidOut = new ClassReader(code);
        ClassWriter writer = new ClassWriter(laidOut, 0);
        laidOut.accept(new MetadataWriter(writer, node.sourceFile, results), 0);
        return writer.toByteArray();
    }

    private static byte[] write(ClassNode node, ClassReader original, ClassHierarchy hierarchy) {
        ClassWriter writer = new HierarchyClassWriter(original, ClassWriter.COMPUTE_FRAMES, hierarchy);
        try {
            node.accept(writer);
            return writer.toByteArray();
        } catch (ClassHierarchy.TypeNotFoundException e) {
            throw new InstrumentationException(node.name, null, 0, e.getMessage()
                    + " while computing stack-map frames. Fix: make that class visible to the instrumenter.", e);
        } catch (RuntimeException e) {
            throw new InstrumentationException(node.name, null, 0, "writing the instrumented class failed: " + e, e);
        }
    }

    /** Class files before Java 7 may use JSR/RET subroutines, which cannot be analyzed per frame; inline them. */
    private static void inlineSubroutines(ClassNode node) {
        ListIterator<MethodNode> methods = node.methods.listIterator();
        while (methods.hasNext()) {
            MethodNode method = methods.next();
            if (!hasSubroutine(method)) {
                continue;
            }
            JSRInlinerAdapter inliner = new JSRInlinerAdapter(null, method.access, method.name, method.desc,
                    method.signature, method.exceptions.toArray(new String[0]));
            method.accept(inliner);
            methods.set(inliner);
        }
    }

    private static boolean hasSubroutine(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() == Opcodes.JSR) {
                return true;
            }
        }
        return false;
    }
}
