package io.procmobility.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.serial.SerialAllowlist;
import io.procmobility.serial.SerialLimits;
import io.procmobility.serial.WireSerializer;
import io.procmobility.serial.WireSerializer.Registration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The behaviours' wire IDs are wire format: nodes of different builds must agree on them. */
class BehaviourWireTypesTest {
    @Test
    void theIdsNeverChange() {
        Map<Integer, Class<?>> ids = new LinkedHashMap<>();
        for (Registration r : BehaviourWireTypes.ALL) {
            ids.put(r.id(), r.type());
        }
        assertThat(ids).containsExactly(
                Map.entry(214, Call.class),
                Map.entry(215, CallReply.class),
                Map.entry(216, CallError.class),
                Map.entry(217, Cast.class),
                Map.entry(218, From.class),
                Map.entry(219, StopRequest.class),
                Map.entry(220, ManagerRequests.DeleteHandler.class),
                Map.entry(221, ManagerRequests.Notify.class),
                Map.entry(222, ManagerRequests.HandlerCall.class),
                Map.entry(223, ManagerRequests.WhichHandlers.class),
                Map.entry(224, ManagerRequests.AddHandler.class));
    }

    @Test
    void registeredMessagesTravelWithoutBeingAllowlisted() {
        WireSerializer wire = new WireSerializer(SerialAllowlist.none(), SerialLimits.defaults(),
                getClass().getClassLoader(), BehaviourWireTypes.ALL);
        Object[] messages = {new Cast("ping"), new ManagerRequests.DeleteHandler("logger"), new ManagerRequests.Notify("event"),
                new ManagerRequests.WhichHandlers()};
        for (Object message : messages) {
            assertThat(wire.deserialize(wire.serialize(message))).isEqualTo(message);
        }
    }
}
