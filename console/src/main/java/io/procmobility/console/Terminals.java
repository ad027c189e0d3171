package io.procmobility.console;

import java.io.Console;
import java.lang.reflect.Method;

/** Tells whether this JVM talks to a person on a terminal (then the console is interactive). */
final class Terminals {
    private Terminals() {
    }

    /**
     * True when stdin and stdout are a terminal. On JDK 22+ {@code System.console()} exists even
     * when they are redirected, so its {@code isTerminal()} is asked when present.
     */
    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK < 22: a console exists only on a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
