package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.procmobility.continuation.Continuation;
import org.junit.jupiter.api.Test;

class PingerTest {
    @Test
    void classesInstrumentedAndLeftAloneOnLaterBuildsStillSuspendAndResume() {
        Pinger pinger = new Pinger(Constants.TIMES);
        Continuation c = Continuation.startWith(pinger);
        for (int i = 0; i < Constants.TIMES; i++) {
            assertEquals("ping " + i, c.value());
            c = Continuation.continueWith(c, "pong");
        }
        assertTrue(c.isDone());
        assertEquals(Constants.TIMES, pinger.pongs);
    }
}
