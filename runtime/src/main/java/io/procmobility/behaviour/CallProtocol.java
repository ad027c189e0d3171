package io.procmobility.behaviour;

import io.procmobility.process.Down;
import io.procmobility.process.Endpoint;
import io.procmobility.process.ExitReason;
import io.procmobility.process.MonitorRef;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntime;
import io.procmobility.process.Processes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The synchronous call shared by all behaviours, as gen:call does it: monitor the server, send
 * the request tagged with the monitor, wait selectively for the tagged reply or the monitor's
 * {@link Down}, demonitor. The monitor is what makes a call to a dead server fail at once
 * ({@code noproc}) and a call to a server that dies mid-call fail with its exit reason, instead
 * of waiting out the timeout.
 */
final class CallProtocol {
    private CallProtocol() {
    }

    // ---- inside a process: waiting suspends the caller

    /** A call from inside a process; suspends until the reply, the server's end or the timeout. */
    static Object call(Pid server, Object request, Duration timeout) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(timeout, "timeout");
        MonitorRef ref = Processes.monitor(server);
        // A dead target's Down is put in our mailbox by monitor() itself, before it returns.
        Object early = Processes.receive(new Matchers.DownOf(ref), Duration.ZERO);
        if (early != null) {
            throw CallFailedException.noproc(server, request, ((Down) early).reason());
        }
        Processes.send(server, new Call(new From(Processes.self(), ref), request));
        Object answer = Processes.receive(new Matchers.Answer(ref), timeout);
        Processes.demonitor(ref, server);
        if (!(answer instanceof Down)) {
            // The server may have died between replying (or our timeout) and the demonitor.
            Processes.receive(new Matchers.DownOf(ref), Duration.ZERO);
        }
        return outcome(server, request, timeout, answer);
    }

    /** Asks {@code server} to stop and waits until it has ended; returns its exit reason. */
    static ExitReason stop(Pid server, ExitReason reason, Duration timeout) {
        StopRequest request = new StopRequest(Objects.requireNonNull(reason, "reason"));
        MonitorRef ref = Processes.monitor(server);
        Object early = Processes.receive(new Matchers.DownOf(ref), Duration.ZERO);
        if (early != null) {
            throw CallFailedException.noproc(server, request, ((Down) early).reason());
        }
        Processes.send(server, request);
        Object down = Processes.receive(new Matchers.DownOf(ref), timeout);
        if (down == null) {
            Processes.demonitor(ref, server);
            Processes.receive(new Matchers.DownOf(ref), Duration.ZERO);
            throw new CallTimeoutException(server, request, timeout);
        }
        return ((Down) down).reason();
    }

    // ---- outside processes: a one-shot endpoint, the calling thread blocks

    /** A call from a thread that is not a process (blocks it). */
    static Object call(ProcessRuntime runtime, Pid server, Object request, Duration timeout) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(timeout, "timeout");
        CompletableFuture<Object> answer = new CompletableFuture<>();
        try (Endpoint endpoint = runtime.openEndpoint(new Completion(answer))) {
            MonitorRef ref = endpoint.monitor(server);
            try {
                // As inside: a dead target's Down was delivered during monitor().
                if (answer.isDone()) {
                    throw CallFailedException.noproc(server, request, ((Down) answer.getNow(null)).reason());
                }
                runtime.send(server, new Call(new From(endpoint.pid(), ref), request));
                return outcome(server, request, timeout, await(answer, timeout));
            } finally {
                endpoint.demonitor(ref, server);
            }
        }
    }

    /** {@link #stop(Pid, ExitReason, Duration)} from a thread that is not a process. */
    static ExitReason stop(ProcessRuntime runtime, Pid server, ExitReason reason, Duration timeout) {
        StopRequest request = new StopRequest(Objects.requireNonNull(reason, "reason"));
        CompletableFuture<Object> answer = new CompletableFuture<>();
        try (Endpoint endpoint = runtime.openEndpoint(new Completion(answer))) {
            MonitorRef ref = endpoint.monitor(server);
            if (answer.isDone()) {
                throw CallFailedException.noproc(server, request, ((Down) answer.getNow(null)).reason());
            }
            runtime.send(server, request);
            Object down = await(answer, timeout);
            if (down == null) {
                endpoint.demonitor(ref, server);
                throw new CallTimeoutException(server, request, timeout);
            }
            return ((Down) down).reason();
        }
    }

    /** The reply's value, or the exception the answer (a Down, a CallError, none) calls for. */
    private static Object outcome(Pid server, Object request, Duration timeout, Object answer) {
        if (answer instanceof CallReply reply) {
            return reply.value();
        }
        if (answer instanceof Down down) {
            throw new CallFailedException(server, request, down.reason());
        }
        throw new CallTimeoutException(server, request, timeout);
    }

    /** Turns a {@link CallError} reply into the exception it stands for; other values pass. */
    static Object unwrapError(Pid server, Object request, Object value) {
        if (value instanceof CallError error) {
            throw new CallFailedException(server, request, error.reason(), error.message());
        }
        return value;
    }

    private static Object await(CompletableFuture<Object> answer, Duration timeout) {
        try {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a reply", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The endpoint's handler: one call per endpoint, so its first reply or Down is the answer. */
    private static final class Completion implements Consumer<Object> {
        private final CompletableFuture<Object> answer;

        Completion(CompletableFuture<Object> answer) {
            this.answer = answer;
        }

        @Override
        public void accept(Object message) {
            if (message instanceof CallReply || message instanceof Down) {
                answer.complete(message);
            }
        }
    }
}
