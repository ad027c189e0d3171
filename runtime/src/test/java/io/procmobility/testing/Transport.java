package io.procmobility.testing;

import io.procmobility.continuation.Continuation;

/**
 * Moves a suspended continuation somewhere else: in memory (identity), or through a byte stream
 * into a fresh class loader, as a migration to another JVM would. The round-trip harness calls it
 * at every suspension point.
 */
@FunctionalInterface
public interface Transport {
    /** The continuation to resume in place of {@code c}. */
    Continuation move(Continuation c);
}
