package io.procmobility.cluster.jgroups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members of one cluster, each a node in a JVM of its own on free loopback ports; {@link #close()}
 * kills every JVM it started (call it from {@code @AfterEach}).
 */
final class MemberJvms implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MemberJvms.class);

    private final Map<String, MemberJvm> jvms = new LinkedHashMap<>();

    /** Starts members {@code names} of a fresh cluster at once and waits until each is in it. */
    static MemberJvms start(String test, List<String> names, String logLevel, String heap) throws Exception {
        MemberJvms members = new MemberJvms();
        try {
            String cluster = test + "-" + Long.toHexString(System.nanoTime());
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                ports.add(FreePorts.pick());
            }
            String seeds = String.join(",", ports.stream().map(p -> "127.0.0.1:" + p).toList());
            for (int i = 0; i < names.size(); i++) {
                members.jvms.put(names.get(i), MemberJvm.start(cluster, names.get(i), names, ports.get(i), seeds, logLevel, heap));
            }
            for (MemberJvm jvm : members.jvms.values()) {
                LOG.info("node {} (own JVM) ready in {} ms", jvm.name, jvm.awaitReady());
            }
            return members;
        } catch (Exception | AssertionError e) {
            members.close();
            throw e;
        }
    }

    MemberJvm get(String name) {
        return jvms.get(name);
    }

    List<MemberJvm> all() {
        return List.copyOf(jvms.values());
    }

    @Override
    public void close() throws InterruptedException {
        for (MemberJvm jvm : jvms.values()) {
            jvm.close();
        }
    }
}
