package io.procmobility.cluster.jgroups;

import io.procmobility.registry.NoQuorumException;
import io.procmobility.registry.RegistryException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jgroups.raft.Options;
import org.jgroups.raft.Settable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits commands to the Raft log and completes each caller's future when this member applies the
 * command (so the write is visible to local reads), or fails it after the write timeout.
 *
 * <p>Submissions never run on the caller's thread (sending may block on a socket): a dedicated
 * sender thread hands them to Raft, retrying every {@value #RETRY_MILLIS} ms while there is no
 * leader (an election, or the minority side of a partition) and re-sending a request that got no
 * answer for {@value #RESEND_MILLIS} ms (the leader it went to may have died). Commands are
 * idempotent, so a command committed twice is harmless; the caller gets the outcome of the first.
 */
final class RaftWriter {
    private static final Logger LOG = LoggerFactory.getLogger(RaftWriter.class);
    private static final long RETRY_MILLIS = 100;
    private static final long RESEND_MILLIS = 1_000;
    private static final Options IGNORE_RETURN_VALUE = Options.create(true);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String node;
    private final Settable raft;
    private final ExecutorService sender;
    private final ScheduledExecutorService timer;
    private final Executor events;
    private final Duration timeout;
    private final Supplier<String> quorumDiagnosis;
    private final BooleanSupplier quorumLost;
    private final long session = RANDOM.nextLong();
    private final AtomicLong seqs = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** A submitted command waiting for its local apply. */
    private final class Pending {
        final long seq;
        final Command command;
        final byte[] bytes;
        final long deadline;
        final CompletableFuture<Object> result = new CompletableFuture<>();
        volatile ScheduledFuture<?> expiry;
        volatile CompletableFuture<byte[]> inFlight;
        volatile boolean committedByLeader;
        volatile Throwable lastError;
        volatile int attempts;

        Pending(long seq, Command command) {
            this.seq = seq;
            this.command = command;
            this.bytes = CommandCodec.encode(new CommandCodec.RequestId(session, seq), command);
            this.deadline = System.nanoTime() + timeout.toNanos();
        }
    }

    RaftWriter(String node, Settable raft, ExecutorService sender, ScheduledExecutorService timer, Executor events,
            Duration timeout, Supplier<String> quorumDiagnosis, BooleanSupplier quorumLost) {
        this.node = node;
        this.raft = raft;
        this.sender = sender;
        this.timer = timer;
        this.events = events;
        this.timeout = timeout;
        this.quorumDiagnosis = quorumDiagnosis;
        this.quorumLost = quorumLost;
    }

    /** Submits {@code command}; the future holds the command's result as applied on this member. */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> submit(Command command) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError(command));
        }
        if (quorumLost.getAsBoolean()) {
            return CompletableFuture.failedFuture(lostQuorum(command, "was not submitted"));
        }
        Pending p = new Pending(seqs.incrementAndGet(), command);
        pending.put(p.seq, p);
        p.expiry = timer.schedule(() -> expire(p), timeout.toNanos(), TimeUnit.NANOSECONDS);
        sendSoon(p, 0);
        return (CompletableFuture<T>) p.result;
    }

    /** Called by the state machine for every applied command; completes ours. */
    void applied(CommandCodec.RequestId id, Object result, RuntimeException refusal) {
        if (id.session() != session) {
            return;
        }
        Pending p = pending.remove(id.seq());
        if (p == null) {
            return; // timed out already, or a second commit of a retried command
        }
        ScheduledFuture<?> expiry = p.expiry;
        if (expiry != null) {
            expiry.cancel(false);
        }
        onEvents(() -> {
            if (refusal != null) {
                p.result.completeExceptionally(refusal);
            } else {
                p.result.complete(result);
            }
        });
    }

    private void sendSoon(Pending p, long delayMillis) {
        if (closed || p.result.isDone() || System.nanoTime() - p.deadline > 0) {
            return;
        }
        Runnable send = () -> {
            try {
                sender.execute(() -> attempt(p));
            } catch (RejectedExecutionException closing) {
                // the registry is closing; close() fails what is pending
            }
        };
        if (delayMillis == 0) {
            send.run();
        } else {
            try {
                timer.schedule(send, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                // closing
            }
        }
    }

    private void attempt(Pending p) {
        if (closed || !pending.containsKey(p.seq) || System.nanoTime() - p.deadline > 0) {
            return;
        }
        p.attempts++;
        CompletableFuture<byte[]> answer;
        try {
            answer = raft.setAsync(p.bytes, 0, p.bytes.length, IGNORE_RETURN_VALUE);
        } catch (Exception e) { // no leader yet, or this member is not in a majority
            p.lastError = e;
            sendSoon(p, RETRY_MILLIS);
            return;
        }
        p.inFlight = answer;
        answer.whenComplete((ignored, error) -> {
            if (error == null) {
                p.committedByLeader = true;
            } else {
                p.lastError = error;
                sendSoon(p, RETRY_MILLIS);
            }
        });
        try {
            timer.schedule(() -> {
                if (p.inFlight == answer && !answer.isDone()) {
                    LOG.debug("node {}: no answer to {} after {} ms; sending it again", node, p.command.describe(), RESEND_MILLIS);
                    sendSoon(p, 0);
                }
            }, RESEND_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // closing
        }
    }

    private void expire(Pending p) {
        if (!pending.remove(p.seq, p)) {
            return;
        }
        long millis = timeout.toMillis();
        RegistryException error;
        if (p.committedByLeader) {
            error = new RegistryException("node " + node + ": the " + p.command.describe() + " was committed by the Raft"
                    + " leader but not applied on this node within " + millis + " ms; it will take effect here when this"
                    + " node catches up (read the record again)");
        } else {
            Throwable last = p.lastError;
            error = new NoQuorumException("node " + node + ": the " + p.command.describe() + " could not be committed"
                    + " within " + millis + " ms: " + quorumDiagnosis.get() + " (" + p.attempts + " attempts"
                    + (last == null ? "" : ", last error: " + last.getMessage()) + "). The outcome is unknown only if a"
                    + " leader answered late; check that a majority of the members run and can reach each other", last);
        }
        onEvents(() -> p.result.completeExceptionally(error));
    }

    /** Completes callers' futures off the RAFT and timer threads; inline once the registry is closing. */
    private void onEvents(Runnable completion) {
        try {
            events.execute(completion);
        } catch (RejectedExecutionException closing) {
            completion.run();
        }
    }

    /**
     * This member just learned that it lost its quorum (a view with fewer than a majority of the
     * members, after it had one): every write no leader has confirmed yet fails now with
     * {@link NoQuorumException} rather than after the write timeout. A write the leader already
     * committed is left to complete when this member catches up.
     */
    void quorumLost() {
        for (Pending p : pending.values()) {
            if (!p.committedByLeader && pending.remove(p.seq, p)) {
                ScheduledFuture<?> expiry = p.expiry;
                if (expiry != null) {
                    expiry.cancel(false);
                }
                NoQuorumException error = lostQuorum(p.command, "was not committed");
                onEvents(() -> p.result.completeExceptionally(error));
            }
        }
    }

    private NoQuorumException lostQuorum(Command command, String what) {
        return new NoQuorumException("node " + node + ": the " + command.describe() + " " + what + ": this node lost its"
                + " quorum: " + quorumDiagnosis.get() + ". A write sent to the leader before the split may still have"
                + " committed there (read the record again once the partition heals); check that a majority of the"
                + " members run and can reach each other");
    }

    /** Fails every pending write: the registry is closing. */
    void close() {
        closed = true;
        for (Pending p : pending.values()) {
            if (pending.remove(p.seq, p)) {
                p.result.completeExceptionally(closedError(p.command));
            }
        }
    }

    private RegistryException closedError(Command command) {
        return new RegistryException("node " + node + ": the " + command.describe() + " was not committed: the registry"
                + " is closed");
    }
}
