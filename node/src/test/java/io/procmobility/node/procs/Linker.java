package io.procmobility.node.procs;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Exit;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.util.List;

/**
 * Traps exits, links to {@code target} and tells {@code observer} {@code ["linked"]}; then reports
 * every exit signal as {@code ["exit", from, reason kind]}.
 */
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
        Processes.send(observer, List.of("linked"));
        while (true) {
            Object message = Processes.receive();
            if (message instanceof Exit exit) {
                Processes.send(observer, List.of("exit", exit.from(), exit.reason().kind()));
            }
        }
    }
}
