package io.procmobility.console;

import io.procmobility.node.Node;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Connects a node to another one and says so in one line, or fails with a {@link UserError}. */
final class Connector {
    private Connector() {
    }

    /** Connects {@code node} to {@code address}; returns the line to print ({@code connected to b at host:port}). */
    static String connect(Node node, HostPort address, Duration timeout) {
        try {
            String peer = node.connect(address.host(), address.port(), timeout);
            return "connected to " + peer + " at " + address;
        } catch (TimeoutException e) {
            throw new UserError("cannot connect to " + address + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while connecting to " + address);
        } catch (RuntimeException e) {
            String message = e.getMessage();
            throw new UserError(message != null && message.contains(address.toString()) ? message
                    : "cannot connect to " + address + ": " + (message != null ? message : e.toString()));
        }
    }
}
