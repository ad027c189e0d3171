package io.procmobility.instrumenter;

import java.util.ArrayDeque;
import java.util.Deque;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Which instructions run while the method holds a monitor ({@code synchronized} block). A call
 * made there cannot be a suspension point: the monitor would be released by the unwinding return
 * and never re-acquired, so the stack check refuses it with a clear error instead.
 */
final class MonitorRegions {
    private MonitorRegions() {
    }

    /** {@code held[i]} is true when a monitor entered in this method may be held at instruction {@code i}. */
    static boolean[] held(MethodNode method, FlowAnalysis flow) {
        int size = method.instructions.size();
        AbstractInsnNode[] insns = method.instructions.toArray();
        int[] depth = new int[size];
        java.util.Arrays.fill(depth, -1);
        Deque<Integer> work = new ArrayDeque<>();
        if (size > 0) {
            depth[0] = 0;
            work.add(0);
        }
        while (!work.isEmpty()) {
            int i = work.poll();
            int out = depth[i];
            int op = insns[i].getOpcode();
            if (op == Opcodes.MONITORENTER) {
                out++;
            } else if (op == Opcodes.MONITOREXIT) {
                out = Math.max(0, out - 1);
            }
            for (int s : flow.successors.get(i)) {
                if (out > depth[s] && out <= 255) {
                    depth[s] = out;
                    work.add(s);
                }
            }
            for (int h : flow.handlers.get(i)) {
                if (depth[i] > depth[h] && depth[i] <= 255) {
                    depth[h] = depth[i];
                    work.add(h);
                }
            }
        }
        boolean[] held = new boolean[size];
        boolean synchronizedMethod = (method.access & Opcodes.ACC_SYNCHRONIZED) != 0;
        for (int i = 0; i < size; i++) {
            held[i] = synchronizedMethod || depth[i] > 0;
        }
        return held;
    }
}
