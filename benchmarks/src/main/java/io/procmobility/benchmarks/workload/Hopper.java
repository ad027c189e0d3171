package io.procmobility.benchmarks.workload;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.node.Destination;
import io.procmobility.node.Mobility;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;

/**
 * The migrating process of the migration benchmark ({@code MigrationBench}): a small counter-like
 * process that waits in {@code receive()} at the top of a stack of {@code depth} frames (at least
 * 2: {@link #run()} and the loop at the top; the frames between hold a few live locals of mixed
 * types each, like {@code MixedFrames}), between two nodes {@code a} and {@code b}. Every report goes to the driver
 * endpoint of the node it runs on (it knows which from {@code Processes.runtime().incarnation()}),
 * so reporting never crosses the wire. Messages (all {@code long[]}, first element the kind):
 *
 * <ul>
 *   <li>{@code [PROBE, seq, t0, total]}: answers {@code [ARRIVED, id, seq, t0, now, total, pid
 *       incarnation, pid serial, hops]} — sent by a driver right after {@code node.migrate(pid, …)}
 *       returned, so it travels with the frozen process and {@code now} is the first instruction
 *       of the process's own code at the destination;</li>
 *   <li>{@code [HOP, count, deadline]}: moves itself with {@code Mobility.sendMe} to the other
 *       node, {@code count} times or until {@code System.nanoTime()} passes {@code deadline}
 *       (one monotonic clock for both JVMs of one machine), reporting each move as
 *       {@code [HOPPED, id, i, t0, t1]} — {@code t0} just before {@code sendMe}, {@code t1} the
 *       next instruction, at the destination — then {@code [HOPS_DONE, id, moves]} to a's driver;</li>
 *   <li>{@code [STOP]}: ends.</li>
 * </ul>
 */
public class Hopper implements MobileProcess {
    public static final long PROBE = 1;
    public static final long HOP = 2;
    public static final long STOP = 3;
    public static final long ARRIVED = 11;
    public static final long HOPPED = 12;
    public static final long HOPS_DONE = 13;

    private final int id;
    private final int depth;
    private final Pid driverA;
    private final int portA;
    private final Pid driverB;
    private final int portB;

    public Hopper(Integer id, Integer depth, Pid driverA, Integer portA, Pid driverB, Integer portB) {
        if (depth < 2) {
            throw new IllegalArgumentException("depth must be >= 2 (run and the loop): " + depth);
        }
        this.id = id;
        this.depth = depth;
        this.driverA = driverA;
        this.portA = portA;
        this.driverB = driverB;
        this.portB = portB;
    }

    @Override
    public void run() {
        long hops = 0; // the counter: survives every move
        if (depth == 2) {
            loop(hops);
        } else {
            int[] data = {3, 1, 4, 1, 5, 9, 2, 6};
            level(2, 7L, 1.5, "root", data);
        }
    }

    /** One of the frames below the top: live locals on the stack while the top waits. */
    private long level(int i, long acc, double x, String label, int[] data) {
        long local = acc * 31 + i;
        double y = x * 1.25;
        float f = i * 0.5f;
        boolean odd = (i & 1) == 1;
        String name = label + "/" + i;
        Object any = odd ? (Object) Integer.valueOf(i) : name;
        long below = i < depth - 1 ? level(i + 1, local, y, name, data) : loop(0);
        return below * 31 + local + (long) (y * 100) + (long) (f * 2) + (odd ? 1 : 0) + name.hashCode()
                + any.hashCode() + data[i % data.length];
    }

    /** The top frame: waits for commands. */
    private long loop(long hops) {
        while (true) {
            long[] m = (long[]) Processes.receive();
            if (m[0] == PROBE) {
                long now = System.nanoTime();
                hops++;
                Pid self = Processes.self();
                Processes.send(driverHere(), new long[] {ARRIVED, id, m[1], m[2], now, m[3], self.incarnation(), self.serial(), hops});
            } else if (m[0] == HOP) {
                long count = m[1];
                long deadline = m[2];
                long moves = 0;
                for (long i = 1; i <= count && System.nanoTime() - deadline < 0; i++) {
                    int to = onA() ? portB : portA;
                    long t0 = System.nanoTime();
                    Mobility.sendMe(Destination.tcp("127.0.0.1", to));
                    long t1 = System.nanoTime();
                    hops++;
                    moves++;
                    Processes.send(driverHere(), new long[] {HOPPED, id, i, t0, t1});
                }
                Processes.send(driverA, new long[] {HOPS_DONE, id, moves}); // always to a, which waits for it
            } else if (m[0] == STOP) {
                return hops;
            }
        }
    }

    private boolean onA() {
        return Processes.runtime().incarnation() == driverA.incarnation();
    }

    private Pid driverHere() {
        return onA() ? driverA : driverB;
    }
}
