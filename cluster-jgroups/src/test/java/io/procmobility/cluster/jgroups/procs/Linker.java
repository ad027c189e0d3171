package io.procmobility.cluster.jgroups.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Exit;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.util.List;

/** Traps exits, links to {@code target}, tells {@code observer} {@code ["linked", target]}, then reports exit signals as {@code ["exit", from, reason]}. */
public class Linker implements MobileProcess {
    private final Pid target;
    private final Pid observer;

    public Linker(Pid target, Pid observer) {
        this.target = target;
        this.observer = observer;
    }

    @Override
    public void run() {
        Processes.trapExit(true);
        Processes.link(target);
        Processes.send(observer, List.of("linked", target));
        while (true) {
            if (Processes.receive() instanceof Exit exit) {
                Processes.send(observer, List.of("exit", exit.from(), exit.reason().kind()));
            }
        }
    }
}
