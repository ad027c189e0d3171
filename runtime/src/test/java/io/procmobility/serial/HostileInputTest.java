package io.procmobility.serial;

import static io.procmobility.serial.TestSupport.continuation;
import static io.procmobility.serial.TestSupport.frame;
import static io.procmobility.serial.TestSupport.withLocal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.procmobility.continuation.Continuation;
import io.procmobility.serial.fixtures.Node;
import io.procmobility.serial.fixtures.Worker;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Forged, truncated and random payloads: only SerializationException may come out, before any big allocation. */
class HostileInputTest {
    private static final int TWO_BILLION = 2_000_000_001;
    private final ContinuationSerializer serializer = TestSupport.serializer();

    @Test
    void arrayClaimingTwoBillionElementsIsRefused() {
        byte[] valid = serializer.serialize(withLocal(new int[] {41, 42, 43}));
        // int[] class id 23 (+2), reference marker 1, length + 1 = 4, zig-zag var-ints 82 84 86
        byte[] forged = splice(valid, new byte[] {25, 1, 4, 82, 84, 86}, 2, varInt(TWO_BILLION));

        assertThatThrownBy(() -> serializer.deserialize(forged))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("int[] of 2000000000 elements")
                .hasMessageContaining("SerialLimits.maxLength");
    }

    @Test
    void collectionClaimingTwoBillionElementsIsRefused() {
        byte[] valid = serializer.serialize(continuation(new Worker(), null,
                frame(new long[] {41, 42, 43}, new ArrayList<>(List.of("q1", "q2", "q3")))));
        // ArrayList class id 30 (+2), reference marker 1, length + 1 = 4 with Kryo's var-int flag bit
        byte[] forged = splice(valid, new byte[] {32, 1, (byte) 0x84}, 2, varIntFlag(TWO_BILLION));

        assertThatThrownBy(() -> serializer.deserialize(forged))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.util.ArrayList of 2000000000 elements");
    }

    @Test
    void lengthsWithinMaxLengthButBeyondThePayloadAreRefused() {
        byte[] valid = serializer.serialize(withLocal(new int[] {41, 42, 43}));
        byte[] forged = splice(valid, new byte[] {25, 1, 4, 82, 84, 86}, 2, varInt(900_001));

        assertThatThrownBy(() -> serializer.deserialize(forged))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("int[] of 900000 elements but only");
    }

    @Test
    void stringAndFrameSlotClaimsAreRefused() {
        byte[] validString = serializer.serialize(withLocal("\u00e9\u00e9"));
        // String class id 1 (+2), reference marker 1, UTF-8 char count + 1 = 3 with the flag bit
        byte[] forgedString = splice(validString, new byte[] {3, 1, (byte) 0x83, (byte) 0xC3}, 2, varIntFlag(TWO_BILLION));
        assertThatThrownBy(() -> serializer.deserialize(forgedString))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("string of 2000000000 elements");

        byte[] validFrame = serializer.serialize(continuation(new Worker(), null, frame(new long[] {41, 42, 43}, "q1")));
        // prim count 3, zig-zag var-longs 82 84 86, then the reference slot count 1
        byte[] forgedFrame = splice(validFrame, new byte[] {3, 82, 84, 86, 1}, 4, varInt(TWO_BILLION - 1));
        assertThatThrownBy(() -> serializer.deserialize(forgedFrame))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("frame's reference slots");
    }

    @Test
    void everyTruncationIsRefused() {
        Node node = new Node("n");
        node.next = node;
        byte[] valid = serializer.serialize(continuation(new Worker("w"), List.of(1, 2),
                frame(new long[] {7, 8}, node, "text", new int[] {1, 2}, new ArrayList<>(List.of("a")))));
        for (int length = 0; length < valid.length; length++) {
            byte[] truncated = Arrays.copyOf(valid, length);
            assertThatThrownBy(() -> serializer.deserialize(truncated))
                    .as("truncated to %d of %d bytes", length, valid.length)
                    .isInstanceOf(SerializationException.class);
        }
        assertThatThrownBy(() -> serializer.deserialize(Arrays.copyOf(valid, valid.length + 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unexpected bytes");
    }

    @Test
    void randomGarbageOnlyGivesSerializationException() {
        Random random = new Random(1805);
        for (int i = 0; i < 3000; i++) {
            byte[] garbage = new byte[random.nextInt(200)];
            random.nextBytes(garbage);
            if (i % 2 == 0 && garbage.length >= 3) {
                garbage[0] = 'P'; // get past the header half of the time, so Kryo parses it
                garbage[1] = 'M';
                garbage[2] = 1;
            }
            expectOnlySerializationException(garbage, "random payload #" + i);
        }
    }

    @Test
    void mutatedPayloadsOnlyGiveSerializationException() {
        Node a = new Node("a");
        a.next = new Node("b");
        byte[] valid = serializer.serialize(continuation(new Worker("w"), List.of("v"),
                frame(new long[] {1, 2}, a, a.next, new int[] {3}, new ArrayList<>(List.of("x")), new Object[] {a})));
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            byte[] mutated = valid.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                mutated[3 + random.nextInt(mutated.length - 3)] = (byte) random.nextInt(256);
            }
            expectOnlySerializationException(mutated, "mutation #" + i);
        }
    }

    @Test
    void depthLimitAppliesOnWriteAndRead() {
        Node head = chain(100);
        ContinuationSerializer shallow = new ContinuationSerializer(TestSupport.FIXTURES,
                SerialLimits.defaults().withMaxDepth(50), getClass().getClassLoader());

        assertThatThrownBy(() -> shallow.serialize(withLocal(head)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("deeper than SerialLimits.maxDepth (50)");
        byte[] bytes = serializer.serialize(withLocal(head));
        assertThatThrownBy(() -> shallow.deserialize(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("deeper than SerialLimits.maxDepth (50)");
    }

    @Test
    void defaultDepthFitsASmallThreadStackAndDeeperGraphsFailCleanly() throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                Node copy = (Node) serializer.deserialize(serializer.serialize(withLocal(chain(380)))).frames()[0].ref(0);
                assertThat(copy.label).isEqualTo("0");
                assertThatThrownBy(() -> serializer.serialize(withLocal(chain(5000))))
                        .isInstanceOf(SerializationException.class)
                        .hasMessageContaining("SerialLimits.maxDepth (400)");
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "small-stack", 512 * 1024);
        small.start();
        small.join();
        assertThat(failure[0]).isNull();
    }

    @Test
    void maxBytesAppliesOnWriteAndRead() {
        ContinuationSerializer tiny = new ContinuationSerializer(TestSupport.FIXTURES,
                SerialLimits.defaults().withMaxBytes(200), getClass().getClassLoader());
        Continuation big = withLocal(new byte[1000]);

        assertThatThrownBy(() -> tiny.serialize(big))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("larger than SerialLimits.maxBytes (200 bytes)");
        byte[] bytes = serializer.serialize(big);
        assertThatThrownBy(() -> tiny.deserialize(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("above SerialLimits.maxBytes");
    }

    @Test
    void wrongHeaderOrVersionIsRefused() {
        byte[] valid = serializer.serialize(withLocal("x"));
        byte[] otherVersion = valid.clone();
        otherVersion[2] = 9;
        assertThatThrownBy(() -> serializer.deserialize(otherVersion)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("format version 9");
        assertThatThrownBy(() -> serializer.deserialize(new byte[] {1, 2, 3})).isInstanceOf(SerializationException.class)
                .hasMessageContaining("bad header");
    }

    private void expectOnlySerializationException(byte[] payload, String what) {
        try {
            serializer.deserialize(payload);
        } catch (SerializationException expected) {
            // the only acceptable failure
        } catch (Throwable t) {
            fail(what + " " + Arrays.toString(payload) + " threw " + t, t);
        }
    }

    private static Node chain(int length) {
        Node head = new Node("0");
        Node current = head;
        for (int i = 1; i < length; i++) {
            current.next = new Node(Integer.toString(i));
            current = current.next;
        }
        return head;
    }

    /** Replaces the byte at {@code offset} inside the unique occurrence of {@code pattern} with {@code replacement}. */
    private static byte[] splice(byte[] bytes, byte[] pattern, int offset, byte[] replacement) {
        int at = -1;
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                assertThat(at).as("pattern must occur once in %s", Arrays.toString(bytes)).isEqualTo(-1);
                at = i;
            }
        }
        assertThat(at).as("pattern %s in %s", Arrays.toString(pattern), Arrays.toString(bytes)).isNotNegative();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at + offset);
        out.writeBytes(replacement);
        out.write(bytes, at + offset + 1, bytes.length - at - offset - 1);
        return out.toByteArray();
    }

    /** Kryo's unsigned var-int. */
    private static byte[] varInt(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
        return out.toByteArray();
    }

    /** Kryo's var-int with the flag bit set: 6 value bits in the first byte, then a plain var-int. */
    private static byte[] varIntFlag(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80 | 0x40 | (value & 0x3F));
        out.writeBytes(varInt(value >>> 6));
        return out.toByteArray();
    }
}
