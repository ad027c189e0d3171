package io.procmobility.examples;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Pid;
import io.procmobility.process.Processes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Plays rounds of ping-pong with a {@link Pong}: sends {@link Ball}s numbered 1, 2, 3... and waits
 * for each to come back before sending the next. When all rounds are played it prints
 * {@code ping: <n> rounds with <pong> on node <x>}, sends a {@link Played} to its reporter (if any)
 * and ends.
 *
 * <p>Spawned without arguments (the console's {@code spawn Ping}) it first waits for
 * {@code [play, <pong pid or registered name>, <rounds>]}.
 */
public class Ping implements MobileProcess {
    /** How long a round may take before the ping gives up. */
    public static final Duration ROUND_TIMEOUT = Duration.ofSeconds(5);

    private Pid pong;
    private long rounds;
    private final Pid reportTo;

    /** The result of a finished game, sent to the reporter. */
    public record Played(Pid ping, Pid pong, long rounds, String node) {
    }

    /**
     * Matches the ball of one round. A record rather than a lambda: the pattern of a pending
     * receive is frozen with the process, so it must be plain data.
     */
    record BallOfRound(long round) implements Predicate<Object> {
        @Override
        public boolean test(Object message) {
            return message instanceof Ball ball && ball.round() == round;
        }
    }

    /** A game that starts on {@code [play, pong, rounds]}. */
    public Ping() {
        this(null, 0, null);
    }

    /**
     * A game that starts at once.
     *
     * @param pong the pong process
     * @param rounds how many balls to exchange
     * @param reportTo who gets the {@link Played} at the end, or {@code null}
     */
    public Ping(Pid pong, long rounds, Pid reportTo) {
        this.pong = pong;
        this.rounds = rounds;
        this.reportTo = reportTo;
    }

    @Override
    public void run() {
        while (pong == null) {
            awaitPlay();
        }
        for (long round = 1; round <= rounds; round++) {
            Processes.send(pong, new Ball(Processes.self(), round));
            Object back = Processes.receive(new BallOfRound(round), ROUND_TIMEOUT);
            if (back == null) {
                System.out.println("ping: no answer from " + pong + " in round " + round + " within "
                        + ROUND_TIMEOUT.toSeconds() + " s; giving up");
                return;
            }
        }
        String node = Processes.node();
        System.out.println("ping: " + rounds + " rounds with " + pong + " on node " + node);
        if (reportTo != null) {
            Processes.send(reportTo, new Played(Processes.self(), pong, rounds, node));
        }
    }

    /** Waits for {@code [play, pong, rounds]}; other messages are dropped with a hint. */
    private void awaitPlay() {
        Object message = Processes.receive();
        if (message instanceof List<?> play && play.size() == 3 && "play".equals(play.get(0))
                && play.get(2) instanceof Number n) {
            Optional<Pid> target = play.get(1) instanceof Pid pid ? Optional.of(pid)
                    : Processes.runtime().whereis(String.valueOf(play.get(1)));
            if (target.isPresent()) {
                pong = target.get();
                rounds = n.longValue();
                return;
            }
            System.out.println("ping: no process named '" + play.get(1) + "'");
            return;
        }
        System.out.println("ping: expected [play, <pong>, <rounds>], got " + message);
    }
}
