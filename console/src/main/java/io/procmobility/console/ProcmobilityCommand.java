package io.procmobility.console;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code procmobility}: the top command; its only subcommand so far is {@code node}. */
@Command(name = "procmobility", mixinStandardHelpOptions = true, versionProvider = ProcmobilityCommand.Version.class,
        description = "Strong mobility for JVM processes: start a node and work with its processes.")
final class ProcmobilityCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing (try: procmobility node --name a)");
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ProcmobilityCommand.class.getPackage().getImplementationVersion();
            return new String[] {"procmobility " + (version != null ? version : "(development build)")};
        }
    }
}
