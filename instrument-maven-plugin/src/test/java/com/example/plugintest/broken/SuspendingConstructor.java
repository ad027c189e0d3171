package com.example.plugintest.broken;

import io.procmobility.continuation.Continuation;

/** Cannot be instrumented: a constructor cannot suspend. */
public class SuspendingConstructor {
    private final Object first;

    public SuspendingConstructor(String name) {
        first = Continuation.suspend(name); // SUSPENDS-HERE
    }

    public Object first() {
        return first;
    }
}
