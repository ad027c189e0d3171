package com.acme;

/** Nothing that may suspend: examined once, never changed. */
public final class Constants {
    public static final int TIMES = 3;

    private Constants() {
    }
}
