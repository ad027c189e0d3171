package io.procmobility.serial;

import static io.procmobility.serial.TestSupport.continuation;
import static io.procmobility.serial.TestSupport.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.continuation.Continuation;
import io.procmobility.internal.Frame;
import io.procmobility.serial.fixtures.Color;
import io.procmobility.serial.fixtures.Node;
import io.procmobility.serial.fixtures.Point;
import io.procmobility.serial.fixtures.Worker;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RoundTripTest {
    private final ContinuationSerializer serializer = TestSupport.serializer();

    @Test
    void primsRefsValueAndTargetRoundTrip() {
        Worker target = new Worker("worker-1");
        target.payload = List.of("a", "b");
        long[] prims = {42, -1, Long.MIN_VALUE, Long.MAX_VALUE, Double.doubleToRawLongBits(3.25), Float.floatToRawIntBits(-1.5f)};
        Object[] refs = {"text", 7, 8L, 'c', true, new int[] {1, 2, 3}, new long[] {4}, new byte[] {5}, new double[] {6.5},
                new String[] {"x", null}, new Object[] {1, "two"}, null, Color.RED, Color.GREEN, new Point(3, 4)};
        Frame bottom = new Frame("io/procmobility/serial/fixtures/Worker", "run", "()V", 99L, 2, prims, refs);
        Frame top = new Frame("io/procmobility/serial/fixtures/Worker", "loop", "(I)V", -5L, 0, new long[0], new Object[] {target});
        Continuation original = continuation(target, "suspended-value", bottom, top);

        Continuation copy = serializer.deserialize(serializer.serialize(original));

        assertThat(copy.isDone()).isFalse();
        assertThat(copy.value()).isEqualTo("suspended-value");
        assertThat(copy.target()).isInstanceOf(Worker.class).isEqualTo(target).isNotSameAs(target);
        Frame[] frames = copy.frames();
        assertThat(frames).hasSize(2);
        assertFrameEquals(frames[0], bottom);
        assertFrameEquals(frames[1], top);
        assertThat(frames[0].ref(13)).isSameAs(Color.GREEN);
        assertThat(frames[1].ref(0)).isSameAs(copy.target());
    }

    @Test
    void aDeepRecursionWritesEachMethodIdentityOnce() {
        Worker target = new Worker("deep");
        Frame[] frames = new Frame[200];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new Frame("io/procmobility/serial/fixtures/Worker", "recurse", "(ILjava/lang/String;)J", 77L, 1,
                    new long[] {i}, new Object[0]);
        }
        byte[] bytes = serializer.serialize(continuation(target, null, frames));
        // Identity strings in full would take ~60 bytes per frame; shared, a frame is a dozen bytes.
        assertThat(bytes.length).isLessThan(200 * 20);
        Frame[] copy = serializer.deserialize(bytes).frames();
        assertThat(copy).hasSize(200);
        for (int i = 0; i < copy.length; i++) {
            assertFrameEquals(copy[i], frames[i]);
        }
    }

    @Test
    void commonJdkTypesRoundTrip() {
        Object[] values = {
            new ArrayList<>(List.of(1, 2)), new LinkedList<>(List.of("l")), new ArrayDeque<>(List.of(3)),
            new java.util.HashSet<>(Set.of("h")), new LinkedHashSet<>(List.of("x", "y")), new TreeSet<>(List.of(5, 1)),
            new HashMap<>(Map.of("k", 1)), new LinkedHashMap<>(Map.of("k", 2)), new TreeMap<>(Map.of("b", 1, "a", 2)),
            Collections.emptyList(), Collections.emptyMap(), Collections.emptySet(), Collections.singletonList("s"),
            List.of(), List.of(1), List.of(1, 2, 3), Set.of(1), Set.of(1, 2, 3), Map.of(), Map.of(1, "a"), Map.of(1, "a", 2, "b"),
            EnumSet.of(Color.GREEN), new BigInteger("123456789012345678901234567890"), new BigDecimal("1.50"),
            UUID.randomUUID(), Optional.of("o"), Optional.empty(), LocalDate.of(2024, 2, 29), Instant.ofEpochSecond(5, 7),
            Duration.ofMillis(1500), ZonedDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris")),
            new Point(1, 2), Stream.of("n", "m").toList()
        };
        Continuation copy = serializer.deserialize(serializer.serialize(continuation(new Worker("w"), null, frame(new long[0], values))));
        Frame frame = copy.frames()[0];
        for (int i = 0; i < values.length; i++) {
            Object expected = values[i] instanceof ArrayDeque<?> deque ? new ArrayList<>(deque) : values[i];
            Object actual = frame.ref(i) instanceof ArrayDeque<?> deque ? new ArrayList<>(deque) : frame.ref(i);
            assertThat(actual).as("slot %d (%s)", i, values[i].getClass()).isEqualTo(expected);
        }
        AtomicInteger atomic = new AtomicInteger(9);
        AtomicLong atomicLong = new AtomicLong(10);
        Frame atomics = serializer.deserialize(serializer.serialize(TestSupport.continuation(new Worker(), null,
                frame(new long[0], atomic, atomicLong)))).frames()[0];
        assertThat(((AtomicInteger) atomics.ref(0)).get()).isEqualTo(9);
        assertThat(((AtomicLong) atomics.ref(1)).get()).isEqualTo(10);
    }

    @Test
    void sharedObjectsStayOneObject() {
        Worker target = new Worker("t");
        List<String> shared = new ArrayList<>(List.of("shared"));
        target.payload = shared;
        Continuation original = continuation(target, shared,
                frame(new long[0], shared, "x"), frame(new long[0], shared, target));

        Continuation copy = serializer.deserialize(serializer.serialize(original));

        Frame[] frames = copy.frames();
        Object first = frames[0].ref(0);
        assertThat(first).isEqualTo(shared).isNotSameAs(shared);
        assertThat(frames[1].ref(0)).isSameAs(first);
        assertThat(copy.value()).isSameAs(first);
        assertThat(((Worker) copy.target()).payload).isSameAs(first);
        assertThat(frames[1].ref(1)).isSameAs(copy.target());
    }

    @Test
    void cyclesRoundTrip() {
        Node a = new Node("a");
        Node b = new Node("b");
        a.next = b;
        b.next = a;
        List<Object> selfList = new ArrayList<>();
        selfList.add(selfList);
        Object[] selfArray = new Object[1];
        selfArray[0] = selfArray;
        Map<String, Object> selfMap = new HashMap<>();
        selfMap.put("me", selfMap);

        Frame frame = serializer.deserialize(serializer.serialize(
                continuation(new Worker(), null, frame(new long[0], a, b, selfList, selfArray, selfMap)))).frames()[0];

        Node a2 = (Node) frame.ref(0);
        Node b2 = (Node) frame.ref(1);
        assertThat(a2.label).isEqualTo("a");
        assertThat(a2.next).isSameAs(b2);
        assertThat(b2.next).isSameAs(a2);
        List<?> list2 = (List<?>) frame.ref(2);
        assertThat(list2.get(0)).isSameAs(list2);
        Object[] array2 = (Object[]) frame.ref(3);
        assertThat(array2[0]).isSameAs(array2);
        Map<?, ?> map2 = (Map<?, ?>) frame.ref(4);
        assertThat(map2.get("me")).isSameAs(map2);
    }

    @Test
    void doneContinuationRoundTrips() {
        Continuation done = Continuation.restore(new Worker("done"), new Frame[0], null);
        Continuation copy = serializer.deserialize(serializer.serialize(done));
        assertThat(copy.isDone()).isTrue();
        assertThat(copy.target()).isEqualTo(new Worker("done"));
    }

    @Test
    void classesResolveThroughTheGivenFreshClassLoader() {
        RecordingClassLoader fresh = new RecordingClassLoader();
        ContinuationSerializer receiving = new ContinuationSerializer(TestSupport.FIXTURES, fresh);
        Node node = new Node("n");

        Continuation copy = receiving.deserialize(serializer.serialize(
                continuation(new Worker("w"), null, frame(new long[0], node, new Node[] {node}))));

        assertThat(copy.target().getClass().getName()).isEqualTo(Worker.class.getName());
        assertThat(copy.target().getClass().getClassLoader()).isSameAs(fresh);
        Object node2 = copy.frames()[0].ref(0);
        assertThat(node2.getClass().getClassLoader()).isSameAs(fresh);
        Object[] nodes = (Object[]) copy.frames()[0].ref(1);
        assertThat(nodes.getClass().getComponentType()).isSameAs(node2.getClass());
        assertThat(nodes[0]).isSameAs(node2);
    }

    private static void assertFrameEquals(Frame actual, Frame expected) {
        assertThat(actual.owner()).isEqualTo(expected.owner());
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.descriptor()).isEqualTo(expected.descriptor());
        assertThat(actual.hash()).isEqualTo(expected.hash());
        assertThat(actual.callSite()).isEqualTo(expected.callSite());
        assertThat(actual.primsCopy()).containsExactly(expected.primsCopy());
        Object[] actualRefs = actual.refsCopy();
        Object[] expectedRefs = expected.refsCopy();
        assertThat(actualRefs).hasSameSizeAs(expectedRefs);
        for (int i = 0; i < expectedRefs.length; i++) {
            if (expectedRefs[i] instanceof Worker) {
                continue; // compared through the target
            }
            assertThat(Arrays.deepEquals(new Object[] {actualRefs[i]}, new Object[] {expectedRefs[i]}))
                    .as("ref %d: %s vs %s", i, actualRefs[i], expectedRefs[i]).isTrue();
        }
    }
}
