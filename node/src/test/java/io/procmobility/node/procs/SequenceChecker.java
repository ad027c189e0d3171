package io.procmobility.node.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.util.List;

/**
 * Receives {@code [sender, n]} messages and checks that, per sender, n goes 1, 2, 3... with no gap,
 * repeat or reordering. On {@code ["report", replyTo]} it answers
 * {@code ["report", received, errors, firstError]}.
 */
public class SequenceChecker implements MobileProcess {
    private final int senders;

    public SequenceChecker(Integer senders) {
        this.senders = senders;
    }

    @Override
    public void run() {
        long[] last = new long[senders];
        long received = 0;
        long errors = 0;
        String firstError = "";
        while (true) {
            List<?> message = (List<?>) Processes.receive();
            if ("report".equals(message.get(0))) {
                Processes.send((Pid) message.get(1), List.of("report", received, errors, firstError));
                continue;
            }
            int sender = ((Number) message.get(0)).intValue();
            long n = ((Number) message.get(1)).longValue();
            received++;
            if (n != last[sender] + 1) {
                errors++;
                if (firstError.isEmpty()) {
                    firstError = "sender " + sender + ": got " + n + " after " + last[sender];
                }
            }
            last[sender] = Math.max(last[sender], n);
        }
    }
}
