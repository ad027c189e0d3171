package io.procmobility.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A bounded, seeded mutation fuzzer that runs in every build (Jazzer's coverage-guided mode needs
 * {@code JAZZER_FUZZ=1}, which a normal build does not set). Seeds are real handshake transcripts;
 * mutations flip, insert, delete, duplicate and splice bytes and rewrite length prefixes, which is
 * where hand-written parsers usually break.
 */
class HandshakeMutationFuzzTest {
    private static final long BUDGET_NANOS = 8_000_000_000L;
    private static final int MAX_ITERATIONS = 30_000;

    @Test
    void mutatedHandshakeStreamsNeverAuthenticateOrEscape() {
        List<byte[]> seeds = seeds();
        SplittableRandom random = new SplittableRandom(0x5eed_1805L);
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int runs = 0;
        for (; runs < MAX_ITERATIONS && System.nanoTime() < deadline; runs++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), seeds, random);
            try {
                HandshakeFuzzTarget.feed(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("fuzz input #" + runs + " failed: " + java.util.HexFormat.of().formatHex(input), e);
            }
        }
        assertThat(runs).isGreaterThan(500);
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        Embedded client = Embedded.client(TransportTest.COOKIE);
        byte[] hello = client.drainOutbound();
        client.finish();
        byte[] proof = HandshakeHandlerTest.framed(ByteBuffer.allocate(1 + Handshake.MAC_BYTES).put((byte) Handshake.PROOF).array());
        seeds.add(prefixed(hello));
        seeds.add(prefixed(concat(hello, proof)));
        seeds.add(prefixed(concat(hello, proof, HandshakeHandlerTest.framed(new byte[] {'P', 'W', (byte) io.procmobility.serial.WireSerializer.FORMAT_VERSION, 25, 1, -1, -1, -1, -1, 7}))));
        seeds.add(prefixed(HandshakeHandlerTest.framed(new byte[] {Handshake.REFUSE, 1, 0, 1})));
        return seeds;
    }

    /** The first byte selects the fragment size in {@link HandshakeFuzzTarget#feed(byte[])}. */
    private static byte[] prefixed(byte[] stream) {
        return concat(new byte[] {0}, stream);
    }

    private static byte[] mutate(byte[] seed, List<byte[]> seeds, SplittableRandom random) {
        byte[] out = seed.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            if (out.length == 0) {
                out = new byte[] {(byte) random.nextInt(256)};
            }
            int at = random.nextInt(out.length);
            switch (random.nextInt(7)) {
                case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> out[at] = (byte) random.nextInt(256);
                case 2 -> out = concat(java.util.Arrays.copyOf(out, at), new byte[] {(byte) random.nextInt(256)},
                        java.util.Arrays.copyOfRange(out, at, out.length));
                case 3 -> out = concat(java.util.Arrays.copyOf(out, at), java.util.Arrays.copyOfRange(out, Math.min(out.length, at + 1 + random.nextInt(8)), out.length));
                case 4 -> out = java.util.Arrays.copyOf(out, at + 1);
                case 5 -> {
                    byte[] other = seeds.get(random.nextInt(seeds.size()));
                    out = concat(java.util.Arrays.copyOf(out, at), java.util.Arrays.copyOfRange(other, random.nextInt(other.length), other.length));
                }
                default -> {
                    // Rewrite a 4-byte window as an interesting length.
                    int[] interesting = {0, 1, 4, 33, 511, 512, 513, 4096, 4097, Integer.MAX_VALUE, -1};
                    int value = interesting[random.nextInt(interesting.length)];
                    if (at + 4 <= out.length) {
                        ByteBuffer.wrap(out, at, 4).putInt(value);
                    }
                }
            }
        }
        if (out.length == 0) {
            return out;
        }
        out[0] = (byte) random.nextInt(256);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        for (byte[] p : parts) {
            buffer.put(p);
        }
        return buffer.array();
    }
}
