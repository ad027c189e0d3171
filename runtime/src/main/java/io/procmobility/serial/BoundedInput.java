package io.procmobility.serial;

import com.esotericsoftware.kryo.io.Input;

/**
 * A Kryo {@link Input} over a whole payload that refuses any length claim the payload cannot back.
 *
 * <p>Kryo allocates what a length prefix says before it reads the elements (a forged
 * {@code int[]} of two billion elements is an {@code OutOfMemoryError}). Every element of every
 * array, collection and string takes at least one byte on the wire, so a claim larger than the
 * bytes left is a lie; a claim above {@link SerialLimits#maxLength()} is refused too. The bulk
 * readers Kryo's array serializers use are guarded here; our collection serializers call
 * {@link #claim(Input, int, String)} themselves.
 */
final class BoundedInput extends Input {
    private final SerialLimits limits;

    BoundedInput(byte[] payload, SerialLimits limits) {
        super(payload);
        this.limits = limits;
    }

    /**
     * Checks that {@code count} elements of a {@code what} may be allocated: non-negative, within
     * {@link SerialLimits#maxLength()} and within the bytes left in the payload.
     *
     * @return {@code count}
     * @throws SerializationException when the claim cannot be honest
     */
    static int claim(Input input, int count, String what) {
        if (input instanceof BoundedInput bounded) {
            bounded.check(count, what);
        } else if (count < 0) {
            throw new SerializationException("Cannot deserialize continuation: negative " + what + " length " + count);
        }
        return count;
    }

    private void check(long count, String what) {
        if (count < 0) {
            throw new SerializationException("Cannot deserialize continuation: negative " + what + " length " + count
                    + " (corrupted or forged payload)");
        }
        if (count > limits.maxLength()) {
            throw new SerializationException("Cannot deserialize continuation: the payload claims a " + what + " of "
                    + count + " elements, above SerialLimits.maxLength " + limits.maxLength()
                    + ". Raise the limit on the receiving side if such state is legitimate.");
        }
        int remaining = limit - position;
        if (count > remaining) {
            throw new SerializationException("Cannot deserialize continuation: the payload claims a " + what + " of "
                    + count + " elements but only " + remaining + " bytes remain (truncated or forged payload)");
        }
    }

    @Override
    public byte[] readBytes(int length) {
        check(length, "byte[]");
        return super.readBytes(length);
    }

    @Override
    public int[] readInts(int length) {
        check(length, "int[]");
        return super.readInts(length);
    }

    @Override
    public int[] readInts(int length, boolean optimizePositive) {
        check(length, "int[]");
        return super.readInts(length, optimizePositive);
    }

    @Override
    public long[] readLongs(int length) {
        check(length, "long[]");
        return super.readLongs(length);
    }

    @Override
    public long[] readLongs(int length, boolean optimizePositive) {
        check(length, "long[]");
        return super.readLongs(length, optimizePositive);
    }

    @Override
    public float[] readFloats(int length) {
        check(length, "float[]");
        return super.readFloats(length);
    }

    @Override
    public double[] readDoubles(int length) {
        check(length, "double[]");
        return super.readDoubles(length);
    }

    @Override
    public short[] readShorts(int length) {
        check(length, "short[]");
        return super.readShorts(length);
    }

    @Override
    public char[] readChars(int length) {
        check(length, "char[]");
        return super.readChars(length);
    }

    @Override
    public boolean[] readBooleans(int length) {
        check(length, "boolean[]");
        return super.readBooleans(length);
    }

    /** Kryo sizes its char buffer from a UTF-8 string's length prefix before reading: check it first. */
    @Override
    public String readString() {
        checkStringLength();
        return super.readString();
    }

    @Override
    public StringBuilder readStringBuilder() {
        checkStringLength();
        return super.readStringBuilder();
    }

    /**
     * Peeks at a string header. Kryo writes ASCII strings with no length (the last byte has bit 7
     * set; their buffer grows with the bytes actually read) and other strings as a var-int flag
     * (bit 7 of the first byte) carrying char count + 1.
     */
    private void checkStringLength() {
        if (position >= limit || (buffer[position] & 0x80) == 0) {
            return;
        }
        int start = position;
        int charCountPlusOne = readVarIntFlag(true);
        position = start;
        if (charCountPlusOne > 1) {
            check(charCountPlusOne - 1L, "string");
        }
    }
}
