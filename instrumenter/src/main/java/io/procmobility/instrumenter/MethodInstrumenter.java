package io.procmobility.instrumenter;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Instruments one method: finds its suspendable calls, prepares the code (moves {@code NEW}s,
 * keeps receivers in locals), analyzes types, liveness and monitors, and emits save/restore code.
 */
final class MethodInstrumenter {
    /** What the metadata needs to know about an instrumented method once it is written. */
    record Result(String name, String desc, long hash, List<SiteLayout> sites, List<LabelNode> monitorLabels,
            List<Integer> monitorLines) {
    }

    private final ClassNode owner;
    private final MethodNode method;
    private final ClassHierarchy hierarchy;

    MethodInstrumenter(ClassNode owner, MethodNode method, ClassHierarchy hierarchy) {
        this.owner = owner;
        this.method = method;
        this.hierarchy = hierarchy;
    }

    /** Instruments the method in place; {@code null} when it has no suspendable call. */
    Result instrument() {
        List<MethodInsnNode> calls = suspendableCalls();
        if (calls.isEmpty()) {
            return null;
        }
        long hash = MethodHasher.hash(owner.name, method);
        try {
            new NewRelocator(owner, method).relocate(calls);
            Map<MethodInsnNode, Integer> receivers = ReceiverSlots.assign(owner, method, calls);
            FlowAnalysis flow = FlowAnalysis.of(owner, method, hierarchy);
            BitSet[] live = Liveness.liveIn(method, flow);
            boolean[] monitorHeld = MonitorRegions.held(method, flow);
            List<SiteLayout> sites = new ArrayList<>();
            List<LabelNode> monitorLabels = new ArrayList<>();
            List<Integer> monitorLines = new ArrayList<>();
            for (MethodInsnNode call : calls) {
                int index = method.instructions.indexOf(call);
                if (flow.frames[index] == null) {
                    continue; // unreachable: never runs, never suspends
                }
                if (monitorHeld[index]) {
                    LabelNode label = new LabelNode();
                    method.instructions.insertBefore(call, label);
                    monitorLabels.add(label);
                    monitorLines.add(Insns.lineOf(call));
                    continue;
                }
                sites.add(new SiteLayout(owner.name, method, sites.size(), call, flow.frames[index], live[index],
                        receivers.getOrDefault(call, -1)));
            }
            if (!sites.isEmpty()) {
                new SaveRestoreEmitter(owner.name, method, hash).emit(sites);
            }
            return new Result(method.name, method.desc, hash, sites, monitorLabels, monitorLines);
        } catch (AnalyzerException e) {
            int line = e.node == null ? 0 : Insns.lineOf(e.node);
            throw new InstrumentationException(owner.name, method.name + method.desc, line,
                    "bytecode analysis failed (" + e.getMessage() + "); the class file may be invalid", e);
        } catch (ClassHierarchy.TypeNotFoundException e) {
            throw new InstrumentationException(owner.name, method.name + method.desc, 0, e.getMessage()
                    + " while computing stack-map frames. Fix: make that class visible to the instrumenter"
                    + " (same class path / class loader as the instrumented class).", e);
        }
    }

    private List<MethodInsnNode> suspendableCalls() {
        List<MethodInsnNode> calls = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (CallSites.isSuspendable(insn)) {
                calls.add((MethodInsnNode) insn);
            }
        }
        return calls;
    }
}
