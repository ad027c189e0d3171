package io.procmobility.behaviour.examples;

import io.procmobility.behaviour.Event;
import io.procmobility.behaviour.EventType;
import io.procmobility.behaviour.MobileStateMachine;
import io.procmobility.behaviour.Transition;
import io.procmobility.behaviour.messages.Lock;
import io.procmobility.process.ExitReason;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;

/**
 * A door with a code lock. Data: the digits entered so far. The right code opens the door for
 * {@code openTime} (a state timeout relocks it); a partial code is forgotten after
 * {@code buttonTimeout} without a button (an event timeout). Reports what happens to {@code out}.
 */
public class CodeLock extends MobileStateMachine<CodeLock.Door, String> {
    public enum Door { LOCKED, OPEN }

    private final String code;
    private final Duration openTime;
    private final Duration buttonTimeout;
    private final BlockingQueue<Object> out;

    public CodeLock(String code, Duration openTime, Duration buttonTimeout, BlockingQueue<Object> out) {
        this.code = code;
        this.openTime = openTime;
        this.buttonTimeout = buttonTimeout;
        this.out = out;
    }

    @Override
    protected Transition<Door, String> init() {
        return Transition.next(Door.LOCKED, "");
    }

    @Override
    protected Transition<Door, String> handleEvent(Event event, Door state, String entered) {
        if (event.is(EventType.CALL) && event.content() instanceof Lock.GetState) {
            return Transition.<Door, String>keepStateAndData().reply(event.from(), state.name());
        }
        if (event.is(EventType.CALL) && event.content() instanceof Lock.Crash) {
            throw new IllegalStateException("lock crash requested");
        }
        switch (state) {
            case LOCKED:
                return locked(event, entered);
            case OPEN:
                return open(event);
            default:
                throw new IllegalStateException("unknown state " + state);
        }
    }

    private Transition<Door, String> locked(Event event, String entered) {
        if (event.is(EventType.CAST) && event.content() instanceof Lock.Button button) {
            String digits = entered + button.digit();
            if (digits.equals(code)) {
                out.add("opened");
                return Transition.next(Door.OPEN, "").stateTimeout(openTime, "relock");
            }
            if (digits.length() >= code.length()) {
                out.add("wrong:" + digits);
                return Transition.keepState("");
            }
            return Transition.<Door, String>keepState(digits).eventTimeout(buttonTimeout, "reset");
        }
        if (event.is(EventType.EVENT_TIMEOUT, "reset")) {
            out.add("reset:" + entered);
            return Transition.keepState("");
        }
        if (event.is(EventType.CALL) && event.content() instanceof Lock.WaitOpen) {
            out.add("postponed");
            return Transition.<Door, String>keepStateAndData().postpone();
        }
        if (event.is(EventType.STATE_TIMEOUT)) {
            out.add("unexpected state timeout while locked: " + event.content());
        }
        return Transition.keepStateAndData();
    }

    private Transition<Door, String> open(Event event) {
        if (event.is(EventType.STATE_TIMEOUT, "relock")) {
            out.add("relocked");
            return Transition.next(Door.LOCKED, "");
        }
        if (event.is(EventType.CAST) && event.content() instanceof Lock.LockNow) {
            out.add("locked by hand");
            return Transition.next(Door.LOCKED, "");
        }
        if (event.is(EventType.CALL) && event.content() instanceof Lock.WaitOpen) {
            return Transition.<Door, String>keepStateAndData().reply(event.from(), "open");
        }
        return Transition.keepStateAndData();
    }

    @Override
    protected void terminate(ExitReason reason, Door state, String entered) {
        out.add("terminate:" + reason.kind() + ":" + state);
    }
}
