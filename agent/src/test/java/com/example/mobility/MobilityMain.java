package com.example.mobility;

import com.example.mobility.broken.SuspendingConstructor;
import com.example.mobility.mobile.Journey;
import io.procmobility.continuation.Continuation;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The program the agent's integration tests run in forked JVMs. Not instrumented itself (neither
 * included nor {@code @Mobile}): it only starts and resumes continuations.
 *
 * <ul>
 *   <li>{@code noop}: prints one line (start-up cost of the agent)</li>
 *   <li>{@code local}: runs a journey to its end, suspending and resuming in this JVM</li>
 *   <li>{@code start FILE}: runs a journey to its first suspension and writes the continuation to FILE</li>
 *   <li>{@code resume FILE}: reads the continuation from FILE and runs it to its end</li>
 *   <li>{@code broken}: loads a class the agent cannot instrument</li>
 * </ul>
 */
public final class MobilityMain {
    private MobilityMain() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "noop" -> System.out.println("noop");
            case "local" -> runToEnd(Continuation.startWith(new Journey(3)));
            case "start" -> {
                Continuation c = Continuation.startWith(new Journey(3));
                System.out.println("suspended: " + c.value());
                Files.write(Path.of(args[1]), SerializerBridge.serialize(c));
            }
            case "resume" -> {
                Continuation c = SerializerBridge.deserialize(Files.readAllBytes(Path.of(args[1])));
                System.out.println("resumed: " + c.value());
                runToEnd(Continuation.continueWith(c));
            }
            case "broken" -> System.out.println(new SuspendingConstructorCaller().call());
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void runToEnd(Continuation c) {
        while (!c.isDone()) {
            System.out.println("suspended: " + c.value());
            c = Continuation.continueWith(c);
        }
    }

    /** Constructing it outside a continuation: suspend() then fails, showing the class ran untransformed. */
    private static final class SuspendingConstructorCaller {
        String call() {
            try {
                return new SuspendingConstructor().ok();
            } catch (IllegalStateException expected) {
                return "loaded untransformed: suspend() outside a continuation threw IllegalStateException";
            }
        }
    }
}
