package io.procmobility.serial;

import io.procmobility.continuation.Continuation;
import io.procmobility.internal.Frame;
import io.procmobility.serial.fixtures.Worker;

/** Builds continuations by hand (no instrumenter needed). */
final class TestSupport {
    static final SerialAllowlist FIXTURES = SerialAllowlist.builder().allowPackage("io.procmobility.serial.fixtures.**").build();
    static final String OWNER = "io/procmobility/serial/fixtures/Worker";

    private TestSupport() {
    }

    static ContinuationSerializer serializer() {
        return new ContinuationSerializer(FIXTURES, TestSupport.class.getClassLoader());
    }

    static Frame frame(long[] prims, Object... refs) {
        return new Frame(OWNER, "loop", "(I)V", 1234L, 0, prims, refs);
    }

    static Continuation continuation(Runnable target, Object value, Frame... frames) {
        return Continuation.restore(target, frames, value);
    }

    static Continuation withLocal(Object local) {
        return continuation(new Worker("w"), null, frame(new long[] {1}, local));
    }
}
