package io.procmobility.behaviour;

import io.procmobility.process.Down;
import io.procmobility.process.MonitorRef;
import java.util.function.Predicate;

/**
 * Selective-receive patterns of the call protocol. Named classes holding plain fields, not
 * lambdas: a pattern is part of what a waiting process is suspended on, so it is frozen with it.
 */
final class Matchers {
    private Matchers() {
    }

    /** The reply to the call tagged {@code ref}, or the {@link Down} of its monitor. */
    static final class Answer implements Predicate<Object> {
        private final MonitorRef ref;

        Answer(MonitorRef ref) {
            this.ref = ref;
        }

        @Override
        public boolean test(Object message) {
            return message instanceof CallReply reply ? ref.equals(reply.tag())
                    : message instanceof Down down && ref.equals(down.ref());
        }
    }

    /** The {@link Down} of monitor {@code ref}. */
    static final class DownOf implements Predicate<Object> {
        private final MonitorRef ref;

        DownOf(MonitorRef ref) {
            this.ref = ref;
        }

        @Override
        public boolean test(Object message) {
            return message instanceof Down down && ref.equals(down.ref());
        }
    }
}
