package com.acme;

import io.procmobility.continuation.Continuation;

/** Wrong on purpose: an object under construction cannot be captured. */
public class Ticket {
    private final Object number;

    public Ticket(String queue) {
        this.number = Continuation.suspend(queue); // the instrumenter rejects this line
    }

    public Object number() {
        return number;
    }
}
