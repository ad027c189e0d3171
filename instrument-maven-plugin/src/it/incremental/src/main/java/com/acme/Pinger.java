package com.acme;

/** Suspends with "ping" n times, counting the replies. */
public class Pinger implements Runnable {
    public int pongs;
    private final int times;

    public Pinger(int times) {
        this.times = times;
    }

    @Override
    public void run() {
        for (int i = 0; i < times; i++) {
            if ("pong".equals(Relay.relay("ping " + i))) {
                pongs++;
            }
        }
    }
}
