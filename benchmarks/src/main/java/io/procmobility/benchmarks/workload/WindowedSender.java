package io.procmobility.benchmarks.workload;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;

/**
 * Sending end of the one-way message benchmark, with flow control: on a {@code long[] {count,
 * window}} it sends its pid and then {@code count} {@code Long}s to the {@link Sink}, never more
 * than {@code window} beyond the last acknowledgement (the sink acknowledges every
 * {@code ackEvery} messages; {@code window} is a multiple of it), waits for the last
 * acknowledgement, and reports {@code count} to {@code replyTo}. Ends on any other message.
 */
public class WindowedSender implements MobileProcess {
    private final Pid sink;
    private final Pid replyTo;

    public WindowedSender(Pid sink, Pid replyTo) {
        this.sink = sink;
        this.replyTo = replyTo;
    }

    @Override
    public void run() {
        while (true) {
            Object m = Processes.receive();
            if (!(m instanceof long[] job)) {
                return;
            }
            long count = job[0];
            long window = job[1];
            Processes.send(sink, Processes.self());
            long acked = 0;
            for (long i = 1; i <= count; i++) {
                while (i - acked > window) {
                    acked = (Long) Processes.receive();
                }
                Processes.send(sink, i);
            }
            while (acked < count) {
                acked = (Long) Processes.receive();
            }
            Processes.send(replyTo, count);
        }
    }
}
