package com.acme.testing;

import io.procmobility.continuation.Continuation;

/** Mobile code that lives in the tests: instrumented by the instrument-tests goal. */
public class Echoes implements Runnable {
    public String heard = "";

    @Override
    public void run() {
        for (int i = 0; i < 2; i++) {
            heard += Continuation.suspend("echo " + i);
        }
    }
}
