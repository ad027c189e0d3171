package io.procmobility.registry;

/**
 * A registry operation that did not take effect; the message says which operation, on which node,
 * why, and what to do. The root of the registry's exceptions.
 */
public class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
