package com.example.mobility.mobile;

import com.example.mobility.annotated.Legs;

/**
 * Mobile code selected by the agent's include pattern: a loop whose locals must survive every
 * suspension (inside {@link Legs#walk}), also across JVMs.
 */
public class Journey implements Runnable {
    private int legs;

    public Journey() {
    }

    public Journey(int legs) {
        this.legs = legs;
    }

    @Override
    public void run() {
        long total = 0;
        String trail = "";
        System.out.println("journey starts");
        for (int i = 0; i < legs; i++) {
            int walked = Legs.walk(i);
            total += walked;
            trail += i;
            System.out.println("leg " + i + " total=" + total + " trail=" + trail);
        }
        System.out.println("journey ends total=" + total);
    }
}
