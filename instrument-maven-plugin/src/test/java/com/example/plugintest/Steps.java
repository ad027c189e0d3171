package com.example.plugintest;

import io.procmobility.continuation.Continuation;

/** The suspension point: hands {@code i} out and adds what comes back. */
public final class Steps {
    private Steps() {
    }

    public static int step(int i) {
        Object reply = Continuation.suspend(i);
        return i * ((Integer) reply);
    }
}
