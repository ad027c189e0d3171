package io.procmobility.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmobility.examples.KvStore;
import io.procmobility.node.Node;
import io.procmobility.process.Pid;
import io.procmobility.process.ProcessRuntimeConfig;
import io.procmobility.transport.TransportConfig;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsoleCompleterTest {
    private Node node;
    private ConsoleCompleter completer;

    @BeforeEach
    void start() {
        node = Node.start(TransportConfig.builder("t", ConsoleRun.COOKIE).port(0).build(),
                ProcessRuntimeConfig.defaults().withCarrierThreads(1));
        SpawnableClasses classes = new SpawnableClasses(getClass().getClassLoader());
        List<String> commands = List.of("ps", "spawn", "send", "call", "send_me", "whereis", "nodes", "connect", "help", "quit");
        completer = new ConsoleCompleter(commands, classes, node);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private List<String> complete(String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void commandNamesFirst() {
        assertThat(complete("")).contains("ps", "spawn", "send_me", "quit");
        assertThat(complete("sp")).contains("spawn");
    }

    @Test
    void exampleClassesAfterSpawn() {
        assertThat(complete("spawn ")).contains("Counter", "KvStore", "Ping", "Pong", "RecursiveSum",
                "io.procmobility.examples.Counter");
    }

    @Test
    void registeredNamesAndPidsAfterCommandsThatTakeAProcess() {
        Pid kv = node.runtime().spawn(new KvStore()).pid();
        node.runtime().register("kv", kv);
        assertThat(complete("call ")).contains("kv", kv.toString());
        assertThat(complete("send k")).contains("kv");
        assertThat(complete("whereis ")).containsExactly("kv");
        assertThat(complete("send_me kv ")).contains("tcp://");
        assertThat(complete("help ")).contains("send_me");
    }
}
