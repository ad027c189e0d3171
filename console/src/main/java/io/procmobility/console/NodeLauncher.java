package io.procmobility.console;

import io.procmobility.node.Node;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.serial.SerialAllowlist;
import io.procmobility.transport.TransportConfig;

/** Starts the node {@link NodeSettings} describe; failures (a taken port, a bad name) become one-line {@link UserError}s. */
final class NodeLauncher {
    private NodeLauncher() {
    }

    static Node start(NodeSettings settings) {
        SerialAllowlist.Builder allow = SerialAllowlist.builder().allowPackage(NodeSettings.EXAMPLES_PATTERN);
        ProcessRuntimeConfig processes;
        TransportConfig transport;
        try {
            settings.allow().forEach(allow::allowPackage);
            processes = ProcessRuntimeConfig.defaults().withCarrierThreads(settings.carriers());
            transport = TransportConfig.builder(settings.name(), settings.cookie())
                    .bindHost(settings.bindHost())
                    .port(settings.port())
                    .allowlist(allow.build())
                    .classLoader(NodeLauncher.class.getClassLoader())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        try {
            return Node.start(transport, processes);
        } catch (RuntimeException e) {
            throw new UserError("cannot start node " + settings.name() + ": " + e.getMessage());
        }
    }

    /** The line the console prints once the node listens; scripts and tests read the port from it. */
    static String listeningLine(Node node, NodeSettings settings) {
        return "node " + node.name() + " listening on " + settings.bindHost() + ":" + node.port();
    }
}
