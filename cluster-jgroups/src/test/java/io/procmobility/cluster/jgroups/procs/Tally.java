package io.procmobility.cluster.jgroups.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives numbered messages {@code [sender, n]} and checks that, per sender, n goes 1, 2, 3...
 * with no gap, repeat or reordering. On {@code ["report", replyTo]} it answers
 * {@code ["tally", self, received, errors, firstError, [last n per sender]]}.
 */
public class Tally implements MobileProcess {
    private final int senders;

    public Tally(int senders) {
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
                List<Long> lasts = new ArrayList<>();
                for (long n : last) {
                    lasts.add(n);
                }
                Processes.send((Pid) message.get(1), List.of("tally", Processes.self(), received, errors, firstError, lasts));
                continue;
            }
            int sender = ((Number) message.get(0)).intValue();
            long n = ((Number) message.get(1)).longValue();
            received++;
            if (n != last[sender] + 1) {
                errors++;
                if (firstError.isEmpty()) {
                    firstError = "sender " + sender + ": got " + n + " after " + last[sender] + " on node " + Processes.node();
                }
            }
            last[sender] = Math.max(last[sender], n);
        }
    }
}
