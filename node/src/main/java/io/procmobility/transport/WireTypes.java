package io.procmobility.transport;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.procmobility.process.Down;
import io.procmobility.process.Exit;
import io.procmobility.process.ExitReason;
import io.procmobility.process.MonitorRef;
import io.procmobility.process.Pid;
import io.procmobility.process.QueuedMessage;
import io.procmobility.serial.WireSerializer.Registration;
import java.util.List;

/**
 * The Kryo registration IDs of everything the transport itself puts on the wire. They are the wire
 * format: both nodes must agree, so append new types with new IDs, never renumber or reuse one.
 * IDs 214 to 224 belong to the behaviours' messages, which the layer above registers
 * ({@link TransportConfig#withWireTypes}); the transport does not know them.
 */
final class WireTypes {
    static final List<Registration> ALL = List.of(
            new Registration(200, Pid.class, PidSerializer::new),
            Registration.of(201, WireMessage.Ping.class),
            Registration.of(202, WireMessage.Pong.class),
            Registration.of(203, WireMessage.Deliver.class),
            Registration.of(204, WireMessage.NodeHello.class),
            Registration.of(205, WireMessage.Monitor.class),
            Registration.of(206, WireMessage.Demonitor.class),
            Registration.of(207, MonitorRef.class),
            Registration.of(208, ExitReason.class),
            Registration.of(209, Down.class),
            Registration.of(210, Exit.class),
            Registration.of(211, WireMessage.Link.class),
            Registration.of(212, WireMessage.Unlink.class),
            Registration.of(213, WireMessage.ExitSignal.class),
            Registration.of(225, WireMessage.Migrate.class),
            Registration.of(226, WireMessage.MigrateAccept.class),
            Registration.of(227, WireMessage.MigrateReject.class),
            Registration.of(228, WireMessage.MigrateCommit.class),
            Registration.of(229, WireMessage.MigrateAbort.class),
            Registration.of(230, WireMessage.MigrateQuery.class),
            Registration.of(231, WireMessage.Redirect.class),
            Registration.of(232, QueuedMessage.class));

    private WireTypes() {
    }

    /** Two longs through the public constructor: no reflection, no instantiator tricks. */
    static final class PidSerializer extends Serializer<Pid> {
        PidSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, Pid pid) {
            output.writeLong(pid.incarnation());
            output.writeVarLong(pid.serial(), true);
        }

        @Override
        public Pid read(Kryo kryo, Input input, Class<? extends Pid> type) {
            return new Pid(input.readLong(), input.readVarLong(true));
        }
    }
}
