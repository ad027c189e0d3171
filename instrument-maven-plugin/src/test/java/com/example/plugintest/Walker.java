package com.example.plugintest;

import java.util.ArrayList;
import java.util.List;

/** Mobile code: a loop whose locals survive every suspension inside {@link Steps#step}. */
public class Walker implements Runnable {
    public final List<String> log = new ArrayList<>();

    @Override
    public void run() {
        int total = 0;
        for (int i = 1; i <= 3; i++) {
            total += Steps.step(i);
            log.add("step " + i + " total=" + total);
        }
    }
}
