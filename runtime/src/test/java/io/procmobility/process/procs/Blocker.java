package io.procmobility.process.procs;

import io.procmobility.behaviour.MobileProcess;
import java.util.concurrent.CountDownLatch;

/** Blocks its carrier in plain Java code until released: what the watchdog must report. */
public class Blocker implements MobileProcess {
    private final CountDownLatch release;

    public Blocker(CountDownLatch release) {
        this.release = release;
    }

    @Override
    public void run() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
