package com.example.mobility.annotated;

import io.procmobility.Mobile;
import io.procmobility.continuation.Continuation;

/** Outside the include pattern: instrumented only because of {@code @Mobile}. Suspends one level down. */
@Mobile
public final class Legs {
    private Legs() {
    }

    public static int walk(int leg) {
        int before = leg * 10;
        Continuation.suspend("leg" + leg);
        return before + 1;
    }
}
