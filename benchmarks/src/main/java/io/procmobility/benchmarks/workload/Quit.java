package io.procmobility.benchmarks.workload;

import io.procmobility.behaviour.MobileProcess;

/** Ends at once (spawn + exit benchmark). */
public class Quit implements MobileProcess {
    @Override
    public void run() {
        // nothing: the process exits normally as soon as it runs
    }
}
