package io.procmobility.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.process.MonitorRef;
import io.procmobility.process.Pid;
import io.procmobility.process.QueuedMessage;
import io.procmobility.transport.WireMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What waits at a destination for a process it accepted but has not started. */
class ArrivalBufferTest {
    private static final Pid ARRIVING = new Pid(7, 1);
    private static final Pid OTHER = new Pid(7, 2);

    @Test
    void holdsMessagesAndControlsForAnArrivingProcessInArrivalOrderUntilClosed() {
        ArrivalBuffer buffer = new ArrivalBuffer("d");
        assertThat(buffer.hold(ARRIVING, 11, 1, "too early")).as("not arriving yet").isFalse();
        buffer.open(ARRIVING);
        WireMessage.Monitor monitor = new WireMessage.Monitor(OTHER, ARRIVING, new MonitorRef(7, 1));
        assertThat(buffer.hold(ARRIVING, 11, 1, "first")).isTrue();
        assertThat(buffer.hold(ARRIVING, "x", monitor)).isTrue();
        assertThat(buffer.hold(ARRIVING, 12, 1, "second")).isTrue();
        assertThat(buffer.hold(OTHER, 11, 1, "not for it")).isFalse();

        assertThat(buffer.close(ARRIVING)).containsExactly(new QueuedMessage(11, 1, "first"),
                new ArrivalBuffer.Control("x", monitor), new QueuedMessage(12, 1, "second"));
        assertThat(buffer.hold(ARRIVING, 11, 2, "after")).as("decided: routed as usual").isFalse();
        assertThat(buffer.close(ARRIVING)).isEqualTo(List.of());
    }
}
