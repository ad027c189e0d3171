package io.procmobility.process;

import java.time.Duration;

/**
 * Settings of a {@link ProcessRuntime}.
 *
 * @param carrierThreads threads that run processes (default: available processors)
 * @param blockedWarning how long one run step may hold a carrier before the watchdog logs the
 *     process's pid and stack (default 2 s)
 * @param recentExits how many exit reasons of ended processes are remembered (default 100,000)
 * @param reductions how many sends a process may do before it
 *     yields its carrier to other processes (Erlang's reduction budget; default 2,000)
 */
public record ProcessRuntimeConfig(int carrierThreads, Duration blockedWarning, int recentExits, int reductions) {
    /** Validates. */
    public ProcessRuntimeConfig {
        if (carrierThreads < 1) {
            throw new IllegalArgumentException("carrierThreads must be at least 1, got " + carrierThreads);
        }
        if (blockedWarning.isNegative() || blockedWarning.isZero()) {
            throw new IllegalArgumentException("blockedWarning must be positive, got " + blockedWarning);
        }
        if (reductions < 1) {
            throw new IllegalArgumentException("reductions must be at least 1, got " + reductions);
        }
    }

    /** Defaults: one carrier per core, 2 s watchdog, 100,000 remembered exits, 2,000 reductions. */
    public static ProcessRuntimeConfig defaults() {
        return new ProcessRuntimeConfig(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2), 100_000, 2_000);
    }

    /** A copy with {@code n} carrier threads. */
    public ProcessRuntimeConfig withCarrierThreads(int n) {
        return new ProcessRuntimeConfig(n, blockedWarning, recentExits, reductions);
    }

    /** A copy with another reduction budget. */
    public ProcessRuntimeConfig withReductions(int budget) {
        return new ProcessRuntimeConfig(carrierThreads, blockedWarning, recentExits, budget);
    }

    /** A copy with another watchdog threshold. */
    public ProcessRuntimeConfig withBlockedWarning(Duration threshold) {
        return new ProcessRuntimeConfig(carrierThreads, threshold, recentExits, reductions);
    }
}
