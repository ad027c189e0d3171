package io.procmobility.node.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.time.Duration;
import java.util.List;

/** Sends {@code [id, 1]}, {@code [id, 2]} ... {@code [id, count]} to {@code target}, pausing 1 ms every {@code pauseEvery}; then tells {@code observer} {@code ["sent", id]}. */
public class SeqSender implements MobileProcess {
    private final Pid target;
    private final int id;
    private final long count;
    private final int pauseEvery;
    private final Pid observer;

    public SeqSender(Pid target, Integer id, Long count, Integer pauseEvery, Pid observer) {
        this.target = target;
        this.id = id;
        this.count = count;
        this.pauseEvery = pauseEvery;
        this.observer = observer;
    }

    @Override
    public void run() {
        for (long n = 1; n <= count; n++) {
            Processes.send(target, List.of(id, n));
            if (n % pauseEvery == 0) {
                Processes.sleep(Duration.ofMillis(1));
            }
        }
        Processes.send(observer, List.of("sent", id));
    }
}
