package com.example.plugintest;

/** Matches the include pattern but calls nothing that may suspend: left as it is. */
public final class Plain {
    private Plain() {
    }

    public static String greet(String name) {
        return "hello " + name.trim();
    }
}
