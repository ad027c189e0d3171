package io.procmobility.process;

import java.time.Duration;

/**
 * Settings of a {@link ProcessRuntime}.
 *
 * @param carrierThreads threads that run processes (default: available processors)
 * @param blockedWarning how long one run step may hold a carrier before the watchdog logs the
 *     process's pid and stack (default 2 s)
 * @param recentExits how many exit reasons of ended processes are remembered (default 100,000)
 */
public record ProcessRuntimeConfig(int carrierThreads, Duration blockedWarning, int recentExits) {
    /** Validates. */
    public ProcessRuntimeConfig {
        if (carrierThreads < 1) {
            throw new IllegalArgumentException("carrierThreads must be at least 1, got " + carrierThreads);
        }
        if (blockedWarning.isNegative() || blockedWarning.isZero()) {
            throw new IllegalArgumentException("blockedWarning must be positive, got " + blockedWarning);
        }
    }

    /** Defaults: one carrier per core, 2 s watchdog, 100,000 remembered exits. */
    public static ProcessRuntimeConfig defaults() {
        return new ProcessRuntimeConfig(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2), 100_000);
    }

    /** A copy with {@code n} carrier threads. */
    public ProcessRuntimeConfig withCarrierThreads(int n) {
        return new ProcessRuntimeConfig(n, blockedWarning, recentExits);
    }

    /** A copy with another watchdog threshold. */
    public ProcessRuntimeConfig withBlockedWarning(Duration threshold) {
        return new ProcessRuntimeConfig(carrierThreads, threshold, recentExits);
    }
}
