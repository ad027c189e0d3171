package io.procmobility.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/** Event-loop groups with recognisable thread names, and their orderly shutdown. */
final class EventLoops {
    /** Every transport thread's name starts with this (tests check none is left after close). */
    static final String THREAD_PREFIX = "pm-transport-";

    private EventLoops() {
    }

    static EventLoopGroup create(String nodeName, String role, int threads) {
        // Daemon threads: a forgotten transport must not keep the JVM alive.
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(THREAD_PREFIX + role + "-" + nodeName, true),
                NioIoHandler.newFactory());
    }

    /** Shuts down with no quiet period (connections are closed already) and waits for the threads. */
    static void shutdown(EventLoopGroup group) {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
