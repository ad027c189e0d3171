package io.procmobility.serial;

import static io.procmobility.serial.TestSupport.continuation;
import static io.procmobility.serial.TestSupport.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.continuation.Continuation;
import io.procmobility.internal.Frame;
import io.procmobility.serial.fixtures.Node;
import io.procmobility.serial.fixtures.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void oneSerializerServesManyThreadsAtOnce() throws Exception {
        ContinuationSerializer serializer = TestSupport.serializer();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int i = 0; i < 300; i++) {
                        String tag = id + "/" + i;
                        Node node = new Node(tag);
                        node.next = node;
                        node.other = new ArrayList<>(List.of(tag, Map.of(id, i)));
                        Continuation copy = serializer.deserialize(serializer.serialize(
                                continuation(new Worker(tag), tag, frame(new long[] {id, i}, node, node))));
                        Frame frame = copy.frames()[0];
                        Node back = (Node) frame.ref(0);
                        assertThat(back.label).isEqualTo(tag);
                        assertThat(back.next).isSameAs(back);
                        assertThat(frame.ref(1)).isSameAs(back);
                        assertThat(back.other).isEqualTo(List.of(tag, Map.of(id, i)));
                        assertThat(frame.primsCopy()).containsExactly(id, i);
                        assertThat(copy.value()).isEqualTo(tag);
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(300);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
