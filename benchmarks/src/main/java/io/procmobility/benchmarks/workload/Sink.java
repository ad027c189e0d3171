package io.procmobility.benchmarks.workload;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;

/**
 * Receiving end of the one-way message benchmark: a {@link Pid} names whom to acknowledge (and
 * resets the count); then every {@code ackEvery}-th {@link Long} is acknowledged with the number
 * received so far (a {@code Long}), which is the window that keeps {@link WindowedSender} from
 * flooding the mailbox. Ends on a {@code String}.
 */
public class Sink implements MobileProcess {
    private final int ackEvery;

    public Sink(Integer ackEvery) {
        this.ackEvery = ackEvery;
    }

    @Override
    public void run() {
        Pid ackTo = null;
        long received = 0;
        while (true) {
            Object m = Processes.receive();
            if (m instanceof Long) {
                received++;
                if (received % ackEvery == 0) {
                    Processes.send(ackTo, received);
                }
            } else if (m instanceof Pid p) {
                ackTo = p;
                received = 0;
            } else {
                return;
            }
        }
    }
}
