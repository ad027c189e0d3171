package io.procmobility.node;

import java.time.Duration;

/**
 * Timing of the migration protocol.
 *
 * @param acceptTimeout how long an origin waits for the destination's accept or reject before it
 *     aborts and resumes the process itself (default 10 s)
 * @param outcomeTimeout how long a destination that accepted waits for commit or abort before it
 *     asks the origin (default 15 s); it also asks at once when the connection to the origin breaks
 * @param queryInterval how often a destination in doubt asks again while the origin cannot be
 *     reached (default 500 ms)
 */
public record MigrationSettings(Duration acceptTimeout, Duration outcomeTimeout, Duration queryInterval) {
    /** Validates. */
    public MigrationSettings {
        for (Duration d : new Duration[] {acceptTimeout, outcomeTimeout, queryInterval}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("migration timeouts must be positive, got " + d);
            }
        }
    }

    /** 10 s to accept, 15 s to hear the outcome, queries every 500 ms. */
    public static MigrationSettings defaults() {
        return new MigrationSettings(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofMillis(500));
    }

    /** A copy with another accept timeout. */
    public MigrationSettings withAcceptTimeout(Duration timeout) {
        return new MigrationSettings(timeout, outcomeTimeout, queryInterval);
    }
}
