package com.acme;

import io.procmobility.continuation.Continuation;

/** The suspension point: hands {@code i} out, returns what the resumer passes in. */
public final class Legs {
    private Legs() {
    }

    public static String walk(int i) {
        return (String) Continuation.suspend(i);
    }
}
