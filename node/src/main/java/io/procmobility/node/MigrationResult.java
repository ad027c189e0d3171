package io.procmobility.node;

import io.procmobility.process.Pid;

/**
 * A migration that committed: {@code pid} now runs on node {@code node} with ownership epoch
 * {@code epoch}, after a frozen state of {@code bytes} bytes crossed the wire.
 */
public record MigrationResult(Pid pid, String node, long epoch, int bytes) {
}
