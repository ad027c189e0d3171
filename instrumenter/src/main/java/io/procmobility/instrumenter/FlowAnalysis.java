package io.procmobility.instrumenter;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Typed frames at every instruction (from {@link HierarchyVerifier}) plus the control-flow graph
 * the analyzer walked, normal and exceptional edges, which the liveness and monitor analyses
 * reuse.
 */
final class FlowAnalysis {
    final Frame<BasicValue>[] frames;
    final List<List<Integer>> successors;
    final List<List<Integer>> handlers;

    private FlowAnalysis(Frame<BasicValue>[] frames, List<List<Integer>> successors, List<List<Integer>> handlers) {
        this.frames = frames;
        this.successors = successors;
        this.handlers = handlers;
    }

    static FlowAnalysis of(ClassNode owner, MethodNode method, ClassHierarchy hierarchy) throws AnalyzerException {
        int size = method.instructions.size();
        List<List<Integer>> successors = emptyLists(size);
        List<List<Integer>> handlers = emptyLists(size);
        List<Type> interfaces = new ArrayList<>();
        for (String itf : owner.interfaces) {
            interfaces.add(Type.getObjectType(itf));
        }
        HierarchyVerifier verifier = new HierarchyVerifier(hierarchy, Type.getObjectType(owner.name),
                owner.superName == null ? null : Type.getObjectType(owner.superName), interfaces,
                (owner.access & Opcodes.ACC_INTERFACE) != 0);
        Analyzer<BasicValue> analyzer = new Analyzer<>(verifier) {
            @Override
            protected void newControlFlowEdge(int insn, int successor) {
                add(successors.get(insn), successor);
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int insn, int successor) {
                add(handlers.get(insn), successor);
                return true;
            }
        };
        Frame<BasicValue>[] frames = analyzer.analyze(owner.name, method);
        return new FlowAnalysis(frames, successors, handlers);
    }

    private static void add(List<Integer> list, int value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static List<List<Integer>> emptyLists(int size) {
        List<List<Integer>> lists = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lists.add(new ArrayList<>(2));
        }
        return lists;
    }
}
