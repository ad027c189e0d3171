package io.procmobility.serial;

/**
 * Turns anything that went wrong while reading untrusted bytes into a {@link SerializationException}:
 * Kryo's own exceptions, exceptions of constructors and collections fed with forged data, and the
 * few errors a hostile payload can still provoke.
 */
final class ReadErrors {
    private ReadErrors() {
    }

    static SerializationException translate(Throwable e, SerialLimits limits) {
        if (e instanceof SerializationException se) {
            return se;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SerializationException se) {
                // Raised by our resolver or serializers under Kryo's wrappers; keep Kryo's trace as cause.
                return new SerializationException(se.getMessage(), e);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (causedBy(e, StackOverflowError.class)) {
            return new SerializationException("Cannot deserialize continuation: its object graph is too deep for this"
                    + " thread's stack; lower SerialLimits.maxDepth (now " + limits.maxDepth() + ")", e);
        }
        if (causedBy(e, OutOfMemoryError.class)) {
            return new SerializationException("Cannot deserialize continuation: not enough memory to rebuild it", e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Max depth exceeded")) {
            return new SerializationException("Cannot deserialize continuation: its object graph is deeper than"
                    + " SerialLimits.maxDepth (" + limits.maxDepth() + ")", e);
        }
        if (message.contains("Buffer underflow")) {
            return new SerializationException("Cannot deserialize continuation: the payload ends too early (truncated)", e);
        }
        String firstLine = message.lines().findFirst().orElse("");
        return new SerializationException("Cannot deserialize continuation: malformed payload ("
                + e.getClass().getSimpleName() + ": " + (firstLine.length() > 300 ? firstLine.substring(0, 300) + "..." : firstLine) + ")", e);
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
