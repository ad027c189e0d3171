package io.procmobility.serial;

import com.esotericsoftware.kryo.io.KryoBufferOverflowException;
import io.procmobility.internal.ClassMetadata;
import io.procmobility.internal.Frame;
import io.procmobility.internal.MethodMetadata;

/**
 * Turns what went wrong while writing into a {@link SerializationException} that says where
 * (local variable, frame with source line when the class has instrumentation metadata, field path)
 * and how to fix it.
 */
final class WriteErrors {
    private WriteErrors() {
    }

    /**
     * @param loader the continuation's class loader, to read the frames' metadata
     */
    static SerializationException translate(Throwable e, ClassLoader loader, SerialLimits limits) {
        if (e instanceof SerializationException se) {
            return se;
        }
        Rejection rejection = Rejection.find(e);
        if (rejection != null) {
            return new SerializationException(describe(rejection, loader), e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof KryoBufferOverflowException) {
                return new SerializationException("Cannot serialize continuation: it is larger than SerialLimits.maxBytes ("
                        + limits.maxBytes() + " bytes). Drop what the process does not need before suspending, or raise the limit.", e);
            }
            if (t instanceof SerializationException se) {
                return new SerializationException(se.getMessage(), e);
            }
        }
        if (ReadErrors.causedBy(e, StackOverflowError.class)) {
            return new SerializationException("Cannot serialize continuation: its object graph is too deep for this"
                    + " thread's stack. Lower SerialLimits.maxDepth (now " + limits.maxDepth() + ") or flatten the structure.", e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Max depth exceeded")) {
            return new SerializationException("Cannot serialize continuation: its object graph is deeper than SerialLimits.maxDepth ("
                    + limits.maxDepth() + "). Flatten the structure or raise the limit on both sides.", e);
        }
        return new SerializationException("Cannot serialize continuation: " + message, e);
    }

    static String describe(Rejection r, ClassLoader loader) {
        String holder = holder(r, loader);
        String what = what(r);
        String path = r.root == null ? null : OffenderLocator.pathTo(r.root, o -> o.getClass() == r.objectClass);
        boolean direct = path == null || path.isEmpty();
        StringBuilder message = new StringBuilder("Cannot serialize continuation: ").append(holder)
                .append(r.frame == null && direct ? " is " : " holds ");
        if (direct) {
            message.append(what);
        } else {
            message.append("a ").append(r.root.getClass().getTypeName()).append(" whose ")
                    .append(rootName(r, loader)).append(path).append(" is ").append(what);
        }
        return message.append(". ").append(hint(r)).toString();
    }

    private static String holder(Rejection r, ClassLoader loader) {
        if (r.frame != null) {
            return "local '" + localName(r, loader) + "' of frame " + where(r.frame, loader);
        }
        return r.rootLabel != null ? r.rootLabel : "the captured state";
    }

    private static String rootName(Rejection r, ClassLoader loader) {
        return r.frame != null ? localName(r, loader) : r.rootName;
    }

    private static String what(Rejection r) {
        String name = r.type.getTypeName();
        return switch (r.kind) {
            case CLASS_NOT_ALLOWED -> "a " + name + ", which is not allowed";
            case LAMBDA_NOT_SERIALIZABLE -> "a lambda " + name + " that is not serializable";
            case LAMBDA_CAPTURING_CLASS_NOT_ALLOWED -> "a lambda created in " + name + ", a class which is not allowed";
            case JAVA_SERIALIZATION -> "a " + name + " whose Kryo serializer would use Java serialization, which procmobility never does";
        };
    }

    private static String hint(Rejection r) {
        Class<?> element = r.type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return switch (r.kind) {
            case CLASS_NOT_ALLOWED -> "Allow it with SerialAllowlist.builder().allowClass(\"" + element.getName()
                    + "\") if it can travel, or release it in beforeDeparture() / set it to null before suspending.";
            case LAMBDA_NOT_SERIALIZABLE -> "Make its functional interface extend java.io.Serializable (or cast the lambda to"
                    + " (YourInterface & java.io.Serializable)), or set it to null before suspending.";
            case LAMBDA_CAPTURING_CLASS_NOT_ALLOWED -> "Allow the class that creates the lambda with SerialAllowlist.builder().allowClass(\""
                    + element.getName() + "\").";
            case JAVA_SERIALIZATION -> "Remove its @DefaultSerializer annotation or give it a Kryo serializer of its own.";
        };
    }

    /** {@code com.acme.Worker.loop(Worker.java:42)} from the metadata, else {@code com.acme.Worker.loop(I)V}. */
    static String where(Frame frame, ClassLoader loader) {
        MethodMetadata method = metadata(frame, loader);
        return method != null ? method.where(frame.callSite()) : frame.methodLabel();
    }

    private static String localName(Rejection r, ClassLoader loader) {
        MethodMetadata method = metadata(r.frame, loader);
        return method != null ? method.refName(r.frame.callSite(), r.slot) : "ref#" + r.slot;
    }

    private static MethodMetadata metadata(Frame frame, ClassLoader loader) {
        try {
            Class<?> owner = Class.forName(frame.owner().replace('/', '.'), false, loader);
            return ClassMetadata.of(owner).method(frame.name(), frame.descriptor());
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return null; // The error message falls back to the raw method label.
        }
    }
}
