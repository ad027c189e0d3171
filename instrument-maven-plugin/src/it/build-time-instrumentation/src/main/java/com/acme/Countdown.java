package com.acme;

import java.util.ArrayList;
import java.util.List;

/** Counts down; every step suspends two frames deep (inside {@link Legs#walk}) and keeps its locals. */
public class Countdown implements Runnable {
    public final List<String> lines = new ArrayList<>();
    private final int from;

    public Countdown(int from) {
        this.from = from;
    }

    @Override
    public void run() {
        String trail = "";
        for (int i = from; i > 0; i--) {
            String reply = Legs.walk(i);
            trail += i;
            lines.add(i + " " + reply + " trail=" + trail);
        }
        lines.add("done");
    }
}
