package io.procmobility.console;

/**
 * An address typed as {@code host:port} (or {@code tcp://host:port}).
 *
 * @param host a host name or address
 * @param port 1 to 65535
 */
record HostPort(String host, int port) {
    /**
     * Reads {@code text}.
     *
     * @throws UserError when it is not {@code host:port}
     */
    static HostPort parse(String text) {
        String address = text.startsWith("tcp://") ? text.substring("tcp://".length()) : text;
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new UserError("bad address '" + text + "': expected host:port, e.g. 127.0.0.1:1806");
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UserError("bad address '" + text + "': the port must be a number, e.g. 127.0.0.1:1806");
        }
        if (port < 1 || port > 65535) {
            throw new UserError("bad address '" + text + "': the port must be in 1..65535");
        }
        return new HostPort(address.substring(0, colon), port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
