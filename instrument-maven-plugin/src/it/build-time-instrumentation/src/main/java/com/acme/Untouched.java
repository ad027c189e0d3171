package com.acme;

/** Excluded in the pom: never instrumented, although it matches the include pattern. */
public final class Untouched {
    private Untouched() {
    }

    public static String name() {
        return Legs.class.getSimpleName();
    }
}
