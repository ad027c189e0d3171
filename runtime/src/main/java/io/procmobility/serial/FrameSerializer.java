package io.procmobility.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.procmobility.internal.Frame;

/**
 * One captured frame: method identity (strings shared across frames, see {@link SharedStrings}), call site, primitive slots as zig-zag var-longs (small ints
 * take one byte, raw double bits up to ten) and reference slots with their classes, so shared
 * objects and cycles go through Kryo's reference tracking like everything else.
 */
final class FrameSerializer extends Serializer<Frame> {

    FrameSerializer() {
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, Frame frame) {
        SharedStrings.write(kryo, output, frame.owner());
        SharedStrings.write(kryo, output, frame.name());
        SharedStrings.write(kryo, output, frame.descriptor());
        output.writeLong(frame.hash());
        output.writeVarInt(frame.callSite(), false);
        long[] prims = frame.primsCopy();
        output.writeVarInt(prims.length, true);
        for (long prim : prims) {
            output.writeVarLong(prim, false);
        }
        Object[] refs = frame.refsCopy();
        output.writeVarInt(refs.length, true);
        for (int slot = 0; slot < refs.length; slot++) {
            try {
                kryo.writeClassAndObject(output, refs[slot]);
            } catch (RuntimeException e) {
                Rejection rejection = Rejection.find(e);
                if (rejection != null) {
                    rejection.inLocal(frame, slot, refs[slot]);
                }
                throw e;
            }
        }
    }

    @Override
    public Frame read(Kryo kryo, Input input, Class<? extends Frame> type) {
        String owner = requireText(SharedStrings.read(kryo, input), "owner");
        String name = requireText(SharedStrings.read(kryo, input), "method name");
        String descriptor = requireText(SharedStrings.read(kryo, input), "descriptor");
        long hash = input.readLong();
        int callSite = input.readVarInt(false);
        long[] prims = new long[BoundedInput.claim(input, input.readVarInt(true), "frame's primitive slots")];
        for (int i = 0; i < prims.length; i++) {
            prims[i] = input.readVarLong(false);
        }
        Object[] refs = new Object[BoundedInput.claim(input, input.readVarInt(true), "frame's reference slots")];
        for (int i = 0; i < refs.length; i++) {
            refs[i] = kryo.readClassAndObject(input);
        }
        return new Frame(owner, name, descriptor, hash, callSite, prims, refs);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new SerializationException("Cannot deserialize continuation: a frame has no " + what
                    + " (corrupted or forged payload)");
        }
        return value;
    }
}
