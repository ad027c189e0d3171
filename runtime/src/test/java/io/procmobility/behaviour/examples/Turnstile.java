package io.procmobility.behaviour.examples;

import io.procmobility.behaviour.Event;
import io.procmobility.behaviour.EventType;
import io.procmobility.behaviour.MobileStateMachine;
import io.procmobility.behaviour.Transition;

/** gen_statem: a coin unlocks, a push locks again; data counts the passages. */
public class Turnstile extends MobileStateMachine<String, Integer> {
    @Override
    protected Transition<String, Integer> init() {
        return Transition.next("locked", 0);
    }

    @Override
    protected Transition<String, Integer> handleEvent(Event event, String state, Integer passed) {
        if (event.is(EventType.CALL)) {
            return Transition.<String, Integer>keepStateAndData().reply(event.from(), state + ":" + passed);
        }
        if (event.is(EventType.CAST, "coin") && state.equals("locked")) {
            return Transition.next("unlocked", passed);
        }
        if (event.is(EventType.CAST, "push") && state.equals("unlocked")) {
            return Transition.next("locked", passed + 1);
        }
        return Transition.keepStateAndData();
    }
}
