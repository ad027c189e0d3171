package com.acme;

import io.procmobility.continuation.Continuation;

/** One frame between the loop and the suspension. */
public final class Relay {
    private Relay() {
    }

    public static Object relay(String message) {
        return Continuation.suspend(message);
    }
}
