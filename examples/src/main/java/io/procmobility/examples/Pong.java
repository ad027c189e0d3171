package io.procmobility.examples;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.process.Processes;

/**
 * Answers every {@link Ball} with a ball of the same round, from itself; ends on the message
 * {@code stop}. Anything else is ignored.
 */
public class Pong implements MobileProcess {
    /** A pong process. */
    public Pong() {
    }

    @Override
    public void run() {
        while (true) {
            Object message = Processes.receive();
            if (message instanceof Ball ball) {
                Processes.send(ball.from(), new Ball(Processes.self(), ball.round()));
            } else if ("stop".equals(message)) {
                return;
            }
        }
    }
}
