package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Processes;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/** Receives (sender, seq) pairs and reports the first per-sender ordering violation, or "ok". */
public class OrderedReceiver implements MobileProcess {
    private final int senders;
    private final int perSender;
    private final BlockingQueue<Object> out;

    public OrderedReceiver(int senders, int perSender, BlockingQueue<Object> out) {
        this.senders = senders;
        this.perSender = perSender;
        this.out = out;
    }

    @Override
    public void run() {
        int[] next = new int[senders];
        for (int i = 0; i < senders * perSender; i++) {
            @SuppressWarnings("unchecked")
            List<Integer> m = (List<Integer>) Processes.receive();
            int sender = m.get(0);
            int seq = m.get(1);
            if (seq != next[sender]) {
                out.add("sender " + sender + " expected " + next[sender] + " got " + seq);
                return;
            }
            next[sender]++;
        }
        out.add("ok");
    }
}
