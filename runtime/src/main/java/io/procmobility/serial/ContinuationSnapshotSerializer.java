package io.procmobility.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.procmobility.continuation.Continuation;
import io.procmobility.internal.Frame;

/**
 * A whole continuation: its target, its frames bottom first, and the value given to
 * {@code suspend}. All three share one Kryo reference table, so an object reachable from the
 * target and from a local comes back as one object.
 */
final class ContinuationSnapshotSerializer extends Serializer<Continuation> {

    ContinuationSnapshotSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, Continuation continuation) {
        Runnable target = continuation.target();
        writeRoot(kryo, output, target, "the continuation's target", "target");
        Frame[] frames = continuation.frames();
        output.writeVarInt(frames.length, true);
        for (Frame frame : frames) {
            kryo.writeObject(output, frame);
        }
        writeRoot(kryo, output, continuation.value(), "the value passed to suspend()", "value");
    }

    private static void writeRoot(Kryo kryo, Output output, Object root, String label, String name) {
        try {
            kryo.writeClassAndObject(output, root);
        } catch (RuntimeException e) {
            Rejection rejection = Rejection.find(e);
            if (rejection != null) {
                rejection.in(label, name, root);
            }
            throw e;
        }
    }

    @Override
    public Continuation read(Kryo kryo, Input input, Class<? extends Continuation> type) {
        Object target = kryo.readClassAndObject(input);
        if (!(target instanceof Runnable runnable)) {
            throw new SerializationException("Cannot deserialize continuation: its target is "
                    + (target == null ? "null" : "a " + target.getClass().getName()) + ", not a Runnable (corrupted or forged payload)");
        }
        Frame[] frames = new Frame[BoundedInput.claim(input, input.readVarInt(true), "frame list")];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = kryo.readObject(input, Frame.class);
        }
        Object value = kryo.readClassAndObject(input);
        return Continuation.restore(runnable, frames, value);
    }
}
