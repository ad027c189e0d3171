package io.procmobility.console;

import io.procmobility.node.Node;
import io.procmobility.process.ProcessInfo;
import java.util.List;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command names first; then, by command, example class names ({@code spawn}),
 * registered names and pids ({@code send}, {@code call}, {@code whereis}, {@code send_me}),
 * connected nodes and cluster members, and {@code tcp://} ({@code send_me}'s destination), command names ({@code help}).
 */
final class ConsoleCompleter implements Completer {
    private static final Set<String> TAKE_A_PROCESS = Set.of("send", "call", "send_me");

    private final List<String> commands;
    private final SpawnableClasses classes;
    private final Node node;

    ConsoleCompleter(List<String> commands, SpawnableClasses classes, Node node) {
        this.commands = commands;
        this.classes = classes;
        this.node = node;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        int index = line.wordIndex();
        if (index == 0) {
            commands.forEach(c -> candidates.add(new Candidate(c)));
            return;
        }
        String command = line.words().get(0);
        if (index == 1) {
            if (command.equals("spawn")) {
                classes.shortNames().forEach(c -> candidates.add(new Candidate(c, c, "examples", null, null, null, true)));
                classes.examples().forEach(c -> candidates.add(new Candidate(c, c, "examples", null, null, null, true)));
            } else if (command.equals("help")) {
                commands.forEach(c -> candidates.add(new Candidate(c)));
            } else if (command.equals("whereis")) {
                registeredNames(candidates);
            } else if (TAKE_A_PROCESS.contains(command)) {
                registeredNames(candidates);
                for (ProcessInfo p : node.runtime().processes()) {
                    candidates.add(new Candidate(p.pid().toString(), p.pid().toString(), "pids", null, null, null, true));
                }
            } else if (command.equals("ps")) {
                candidates.add(new Candidate("-l"));
            }
        } else if (index == 2 && command.equals("send_me")) {
            java.util.Set<String> nodes = new java.util.TreeSet<>(node.connectedNodes());
            nodes.addAll(node.members());
            nodes.remove(node.name());
            nodes.forEach(n -> candidates.add(new Candidate(n, n, "nodes", null, null, null, true)));
            candidates.add(new Candidate("tcp://", "tcp://", "tcp", null, null, null, false));
        }
    }

    private void registeredNames(List<Candidate> candidates) {
        for (ProcessInfo p : node.runtime().processes()) {
            if (p.name() != null) {
                candidates.add(new Candidate(p.name(), p.name(), "names", null, null, null, true));
            }
        }
    }
}
