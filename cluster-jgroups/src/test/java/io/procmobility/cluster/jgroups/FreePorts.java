package io.procmobility.cluster.jgroups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for test members, chosen below the kernel's ephemeral range: a port from
 * {@code new ServerSocket(0)} comes from that range, and between releasing it and the member binding
 * it, any outgoing connection on the machine may be given it as its local port (seen here:
 * "No available port to bind to"). Below the range only explicit binds compete.
 */
final class FreePorts {
    private static final int LOWEST = 10_000;

    private FreePorts() {
    }

    static int pick() {
        int ephemeralStart = ephemeralRangeStart();
        int highest = ephemeralStart - 10;
        if (highest - LOWEST > 1_000) {
            for (int attempt = 0; attempt < 200; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, highest);
                if (canBind(port)) {
                    return port;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 49_152; // IANA's dynamic range (Windows, macOS)
        }
    }
}
