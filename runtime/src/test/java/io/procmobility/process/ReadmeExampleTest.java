package io.procmobility.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.testing.InstrumentingLoader;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The "Processes" example of the README, as written there (Echo is loaded instrumented, as the agent would). */
class ReadmeExampleTest {
    @Test
    void echoAnswers() throws Exception {
        MobileProcess echoCode = new InstrumentingLoader("io.procmobility.process.procs", getClass().getClassLoader())
                .create("io.procmobility.process.procs.Echo");
        BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
        try (ProcessRuntime runtime = ProcessRuntime.start();
             Endpoint me = runtime.openEndpoint(replies::add)) {
            ProcessRef echo = runtime.spawn(echoCode);
            runtime.register("echo", echo.pid());
            echo.send(List.of(me.pid(), "hello"));
            assertThat(replies.poll(30, TimeUnit.SECONDS)).isEqualTo("hello");
            runtime.send("echo", List.of(me.pid(), "by name"));
            assertThat(replies.poll(30, TimeUnit.SECONDS)).isEqualTo("by name");
        }
    }
}
