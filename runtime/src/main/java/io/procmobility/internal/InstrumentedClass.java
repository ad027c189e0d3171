package io.procmobility.internal;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Written by the instrumenter on every class it transforms. It marks the class as instrumented
 * (so a second pass leaves it alone) and describes each instrumented method, which lets the
 * runtime check a stack before capturing it and a frame before resuming it.
 * Not API: the instrumenter writes it, the runtime reads it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(java.lang.annotation.ElementType.TYPE)
public @interface InstrumentedClass {
    /** Format of this metadata; bumped when instrumented bytecode changes incompatibly. */
    int version();

    /** Source file name, when the class file has one. */
    String source() default "";

    /** The instrumented methods. */
    InstrumentedMethod[] methods();
}
