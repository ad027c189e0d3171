package com.example.mobility.broken;

import io.procmobility.Mobile;
import io.procmobility.continuation.Continuation;

/** Cannot be instrumented (a constructor cannot suspend): the agent must log it and load it unchanged. */
@Mobile
public class SuspendingConstructor {
    public SuspendingConstructor() {
        Continuation.suspend("never");
    }

    public String ok() {
        return "loaded untransformed";
    }
}
