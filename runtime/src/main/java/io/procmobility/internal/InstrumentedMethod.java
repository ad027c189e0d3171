package io.procmobility.internal;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One instrumented method inside {@link InstrumentedClass}. Arrays indexed by call site have one
 * entry per suspendable call site, in the order of the {@code callSite} index stored in frames.
 * Not API.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface InstrumentedMethod {
    /** Method name. */
    String name();

    /** Method descriptor. */
    String desc();

    /** Hash of the method's original bytecode (debug info excluded). */
    long hash();

    /** Bytecode offset, in the instrumented method, of each suspendable call instruction. */
    int[] callSiteOffsets();

    /** Source line of each suspendable call site, 0 when the class has no line numbers. */
    int[] callSiteLines();

    /** Per call site: names of the saved references in slot order, separated by '|'. */
    String[] callSiteRefNames();

    /** Offsets of calls made while a monitor is held; suspending through them is refused. */
    int[] monitorOffsets();

    /** Source lines of the calls in {@link #monitorOffsets()}. */
    int[] monitorLines();
}
