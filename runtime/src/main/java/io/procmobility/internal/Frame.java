package io.procmobility.internal;

import java.util.Arrays;

/**
 * One captured method activation: which method, at which suspendable call site, and the live
 * typed locals and operand-stack entries it needs to continue. Primitives are kept unboxed in a
 * {@code long[]} (floats and doubles as raw bits), references in an {@code Object[]}.
 *
 * <p>Instrumented bytecode fills a frame once while a suspension unwinds and only reads it while
 * a continuation resumes, so a captured frame is never mutated after capture: resuming the same
 * snapshot twice gives two independent runs. Not API: called by instrumented bytecode.
 */
public final class Frame {
    private final String owner;
    private final String name;
    private final String descriptor;
    private final long hash;
    private final int callSite;
    private final long[] prims;
    private final Object[] refs;

    /** Builds a frame; arrays are owned by the frame afterwards. */
    public Frame(String owner, String name, String descriptor, long hash, int callSite, long[] prims, Object[] refs) {
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        this.hash = hash;
        this.callSite = callSite;
        this.prims = prims;
        this.refs = refs;
    }

    /** Internal name of the class that declares the method, e.g. {@code com/acme/Counter}. */
    public String owner() { return owner; }
    /** Method name. */
    public String name() { return name; }
    /** Method descriptor. */
    public String descriptor() { return descriptor; }
    /** Hash of the method's original bytecode, checked again on resume. */
    public long hash() { return hash; }
    /** Index of the suspendable call site the method was executing. */
    public int callSite() { return callSite; }
    /** Number of saved primitive values. */
    public int primCount() { return prims.length; }
    /** Number of saved references. */
    public int refCount() { return refs.length; }
    /** Saved primitive {@code i} as raw long bits. */
    public long prim(int i) { return prims[i]; }
    /** Saved reference {@code i}. */
    public Object ref(int i) { return refs[i]; }

    /** Human-readable {@code com.acme.Counter.loop(I)V}. */
    public String methodLabel() {
        return owner.replace('/', '.') + "." + name + descriptor;
    }

    // ---- called by instrumented bytecode while capturing: (value, frame, index) so that the value
    // already on the operand stack needs no shuffling.

    public static void putInt(int v, Frame f, int i) { f.prims[i] = v; }
    public static void putLong(long v, Frame f, int i) { f.prims[i] = v; }
    public static void putFloat(float v, Frame f, int i) { f.prims[i] = Float.floatToRawIntBits(v); }
    public static void putDouble(double v, Frame f, int i) { f.prims[i] = Double.doubleToRawLongBits(v); }
    public static void putRef(Object v, Frame f, int i) { f.refs[i] = v; }

    // ---- called by instrumented bytecode while restoring.

    public int getInt(int i) { return (int) prims[i]; }
    public long getLong(int i) { return prims[i]; }
    public float getFloat(int i) { return Float.intBitsToFloat((int) prims[i]); }
    public double getDouble(int i) { return Double.longBitsToDouble(prims[i]); }
    public Object getRef(int i) { return refs[i]; }

    /** Copy of the primitive slots, for serializers. */
    public long[] primsCopy() { return prims.clone(); }
    /** Copy of the reference slots, for serializers. */
    public Object[] refsCopy() { return refs.clone(); }

    @Override
    public String toString() {
        return "Frame[" + methodLabel() + " @site " + callSite + ", prims=" + Arrays.toString(prims)
                + ", refs=" + refs.length + "]";
    }
}
