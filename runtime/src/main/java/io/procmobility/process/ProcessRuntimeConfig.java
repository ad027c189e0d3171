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
 * @param messageGapTimeout how long a process holds back remote messages that overtook an earlier
 *     one of the same sender (possible right after a migration) before it gives the earlier one up
 *     as lost with a node that died and delivers the rest (default 10 s)
 */
public record ProcessRuntimeConfig(int carrierThreads, Duration blockedWarning, int recentExits, int reductions,
        Duration messageGapTimeout) {
    /** Validates. */
    public ProcessRuntimeConfig {
        if (carrierThreads < 1) {
            throw new IllegalArgumentException("carrierThreads must be at least 1, got " + carrierThreads);
        }
        if (blockedWarning.isNegative() || blockedWarning.isZero()) {
            throw new IllegalArgumentException("blockedWarning must be positive, got " + blockedWarning);
        }
        if (messageGapTimeout.isNegative() || messageGapTimeout.isZero()) {
            throw new IllegalArgumentException("messageGapTimeout must be positive, got " + messageGapTimeout);
        }
        if (reductions < 1) {
            throw new IllegalArgumentException("reductions must be at least 1, got " + reductions);
        }
    }

    /** Defaults: one carrier per core, 2 s watchdog, 100,000 remembered exits, 2,000 reductions, 10 s message gaps. */
    public static ProcessRuntimeConfig defaults() {
        return new ProcessRuntimeConfig(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2), 100_000, 2_000,
                Duration.ofSeconds(10));
    }

    /** A copy with {@code n} carrier threads. */
    public ProcessRuntimeConfig withCarrierThreads(int n) {
        return new ProcessRuntimeConfig(n, blockedWarning, recentExits, reductions, messageGapTimeout);
    }

    /** A copy with another reduction budget. */
    public ProcessRuntimeConfig withReductions(int budget) {
        return new ProcessRuntimeConfig(carrierThreads, blockedWarning, recentExits, budget, messageGapTimeout);
    }

    /** A copy with another watchdog threshold. */
    public ProcessRuntimeConfig withBlockedWarning(Duration threshold) {
        return new ProcessRuntimeConfig(carrierThreads, threshold, recentExits, reductions, messageGapTimeout);
    }

    /** A copy with another message gap timeout. */
    public ProcessRuntimeConfig withMessageGapTimeout(Duration timeout) {
        return new ProcessRuntimeConfig(carrierThreads, blockedWarning, recentExits, reductions, timeout);
    }
}
