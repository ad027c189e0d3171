package io.procmobility.instrumenter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstrumentationExceptionTest {
    @Test
    void namesClassMethodAndLineAndKeepsTheProblemApart() {
        InstrumentationException e = new InstrumentationException("com/acme/Ticket", "<init>(Ljava/lang/String;)V", 10,
                "the constructor suspends. Fix: move the call.");

        assertThat(e.getMessage()).isEqualTo(
                "Cannot instrument com.acme.Ticket.<init>(Ljava/lang/String;)V (line 10): the constructor suspends. Fix: move the call.");
        assertThat(e.className()).isEqualTo("com.acme.Ticket");
        assertThat(e.problem()).isEqualTo("the constructor suspends. Fix: move the call.");
        assertThat(e.classFile()).isNull();
    }

    @Test
    void locatedInAClassFileItNamesTheFileAndKeepsTheOriginalAsCause() {
        InstrumentationException original = new InstrumentationException("com/acme/Ticket", "run", 0, "bad");

        InstrumentationException located = original.inClassFile("target/classes/com/acme/Ticket.class");

        assertThat(located.getMessage())
                .isEqualTo("Cannot instrument com.acme.Ticket.run in target/classes/com/acme/Ticket.class: bad");
        assertThat(located.classFile()).isEqualTo("target/classes/com/acme/Ticket.class");
        assertThat(located.className()).isEqualTo("com.acme.Ticket");
        assertThat(located.methodName()).isEqualTo("run");
        assertThat(located.line()).isZero();
        assertThat(located.problem()).isEqualTo("bad");
        assertThat(located.getCause()).isSameAs(original);
    }
}
