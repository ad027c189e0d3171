package io.procmobility.console;

import io.procmobility.behaviour.MobileProcess;
import io.procmobility.internal.InstrumentedClass;
import io.procmobility.process.ExitReason;
import io.procmobility.process.Pid;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/** {@code spawn <class> [name]}: starts a process from a class with a no-argument constructor. */
final class SpawnCommand implements ConsoleCommand {
    @Override
    public String name() {
        return "spawn";
    }

    @Override
    public String usage() {
        return "spawn <class> [name]";
    }

    @Override
    public String summary() {
        return "start a process (Counter, KvStore, Ping, Pong, RecursiveSum or a full class name), optionally registered as name";
    }

    @Override
    public void run(List<String> args, ConsoleContext context) {
        expect(args, 1, 2);
        Class<? extends MobileProcess> type = context.classes().resolve(args.get(0));
        String name = args.size() == 2 ? args.get(1) : null;
        if (name != null) {
            if (name.startsWith("<") || TermParser.number(name) instanceof Number) {
                throw new UserError("'" + name + "' cannot be a process name: names are words, not pids or numbers");
            }
            context.runtime().whereis(name).ifPresent(pid -> {
                String where = context.runtime().isAlive(pid) ? "" : context.node().locate(pid).map(n -> " on node " + n).orElse("");
                throw new UserError("the name '" + name + "' is taken by " + context.format(pid) + where + " (try: ps)");
            });
        }
        if (!type.isAnnotationPresent(InstrumentedClass.class)) {
            context.println("warning: " + type.getName() + " is not instrumented: it will fail at its first receive or sleep."
                    + " Instrument it at build time, or start the JVM with -javaagent:procmobility-agent.jar=include="
                    + type.getPackageName() + ".**");
        }
        MobileProcess code = instantiate(type);
        Pid pid = context.runtime().spawn(code).pid();
        if (name != null) {
            try {
                context.runtime().register(name, pid);
            } catch (RuntimeException e) {
                context.runtime().exit(pid, ExitReason.KILLED);
                throw new UserError("cannot register " + context.format(pid) + " as '" + name + "': " + e.getMessage());
            }
        }
        context.println(context.format(pid) + (name == null ? "" : " registered as " + name));
    }

    private static MobileProcess instantiate(Class<? extends MobileProcess> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new UserError("cannot create " + type.getName() + ": its constructor threw " + e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new UserError("cannot create " + type.getName() + ": " + e);
        }
    }
}
