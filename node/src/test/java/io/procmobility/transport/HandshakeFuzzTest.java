package io.procmobility.transport;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz test of the frame decoder + handshake handler. In a plain {@code mvn test} Jazzer
 * runs it in regression mode over the inputs in {@code HandshakeFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes with coverage guidance for {@code maxDuration}.
 * {@link HandshakeMutationFuzzTest} runs a bounded mutation loop in every build.
 */
class HandshakeFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void handshakeDecoders(byte[] data) {
        HandshakeFuzzTarget.feed(data);
    }
}
