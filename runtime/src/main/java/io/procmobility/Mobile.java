package io.procmobility;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose methods may be on the stack when a continuation suspends, so that the
 * instrumenter (agent or Maven plugin) makes them capturable even when the class does not match
 * any configured include pattern. Annotating a single method instruments its whole class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Mobile {
}
