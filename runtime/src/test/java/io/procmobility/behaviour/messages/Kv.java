package io.procmobility.behaviour.messages;

/**
 * Requests of the key-value server example. Outside the instrumented examples package so that
 * the test (application class loader) and the examples (instrumenting loader) share the classes.
 */
public final class Kv {
    private Kv() {
    }

    /** Call: the value of {@code key}, or null. */
    public record Get(String key) {
    }

    /** Call (replies with the previous value) or cast. */
    public record Put(String key, Object value) {
    }

    /** Call answered only once {@code key} has a value (a deferred reply with From.reply). */
    public record AwaitKey(String key) {
    }

    /** Call: how many info messages (plain sends) the server has seen. */
    public record InfoCount() {
    }

    /** Call never answered, for timeouts. */
    public record Ignore() {
    }

    /** Call: replies "bye" and stops normally. */
    public record Stop() {
    }

    /** Call or cast: the handler throws. */
    public record Crash() {
    }
}
