package io.procmobility.agent;

import io.procmobility.instrumenter.InstrumenterConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The agent's options, parsed from the agent argument string
 * ({@code -javaagent:procmobility-agent.jar=OPTIONS}).
 *
 * <p>Options are separated by {@code ,}; an option is {@code name} or {@code name=value}:
 * <dl>
 *   <dt>{@code include=PATTERNS}</dt>
 *   <dd>classes to instrument, as binary-name globs ({@code com.acme.**} a package and its
 *       sub-packages, {@code com.acme.*} the package only, {@code com.acme.Counter} one class).
 *       Several patterns are separated by {@code ;}, or the option is repeated. Without any
 *       include, only classes annotated {@code @io.procmobility.Mobile} are instrumented.</dd>
 *   <dt>{@code exclude=PATTERNS}</dt>
 *   <dd>classes never instrumented, same syntax; an exclude wins over an include and over
 *       {@code @Mobile}.</dd>
 *   <dt>{@code verbose} (or {@code verbose=true|false})</dt>
 *   <dd>log every instrumented class on {@code System.err}.</dd>
 *   <dt>{@code dump=DIRECTORY}</dt>
 *   <dd>write every class file the agent hands to the JVM to {@code DIRECTORY/<internal name>.class},
 *       byte for byte, for {@code javap} or a decompiler.</dd>
 * </dl>
 *
 * <p>Example: {@code -javaagent:procmobility-agent.jar=include=com.acme.**;org.example.jobs.*,exclude=com.acme.generated.**,verbose}.
 * Values cannot contain {@code ,}. An unknown option or a bad pattern is an
 * {@link AgentOptionsException} that lists the valid options.
 */
public final class AgentOptions {
    /** The option names, in the order the error message lists them. */
    static final String VALID_OPTIONS = "include=PATTERN[;PATTERN...], exclude=PATTERN[;PATTERN...], verbose, dump=DIRECTORY";

    private final List<String> includes;
    private final List<String> excludes;
    private final boolean verbose;
    private final Path dumpDirectory;
    private final InstrumenterConfig instrumenterConfig;

    private AgentOptions(List<String> includes, List<String> excludes, boolean verbose, Path dumpDirectory) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.verbose = verbose;
        this.dumpDirectory = dumpDirectory;
        // Built now so that a bad pattern fails while parsing, naming the option, not at the first class load.
        this.instrumenterConfig = InstrumenterConfig.builder()
                .include(this.includes.toArray(new String[0]))
                .exclude(this.excludes.toArray(new String[0]))
                .build();
    }

    /**
     * Parses an agent argument string; {@code null} or blank means all defaults (only
     * {@code @Mobile} classes, quiet, no dump).
     *
     * @throws AgentOptionsException naming the bad option and listing the valid ones
     */
    public static AgentOptions parse(String arguments) {
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        boolean verbose = false;
        Path dump = null;
        if (arguments != null && !arguments.isBlank()) {
            for (String option : arguments.split(",")) {
                String trimmed = option.trim();
                if (trimmed.isEmpty()) {
                    continue; // tolerate "include=a.**,,verbose" and a trailing comma
                }
                int eq = trimmed.indexOf('=');
                String name = (eq < 0 ? trimmed : trimmed.substring(0, eq)).trim();
                String value = eq < 0 ? null : trimmed.substring(eq + 1).trim();
                switch (name) {
                    case "include" -> includes.addAll(patterns(name, value));
                    case "exclude" -> excludes.addAll(patterns(name, value));
                    case "verbose" -> verbose = bool(name, value);
                    case "dump" -> dump = directory(name, value);
                    default -> throw new AgentOptionsException("Unknown procmobility agent option '" + name
                            + "' in '" + arguments + "'. Valid options, separated by ',': " + VALID_OPTIONS
                            + ". Example: include=com.acme.**,verbose");
                }
            }
        }
        try {
            return new AgentOptions(includes, excludes, verbose, dump);
        } catch (IllegalArgumentException e) {
            throw new AgentOptionsException("Bad class pattern in procmobility agent options '" + arguments + "': "
                    + e.getMessage(), e);
        }
    }

    private static List<String> patterns(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new AgentOptionsException("Option '" + name + "' needs a value, e.g. " + name
                    + "=com.acme.**;org.example.*. Valid options: " + VALID_OPTIONS);
        }
        List<String> patterns = new ArrayList<>();
        for (String p : value.split(";")) {
            if (!p.isBlank()) {
                patterns.add(p.trim());
            }
        }
        if (patterns.isEmpty()) {
            throw new AgentOptionsException("Option '" + name + "=" + value + "' has no pattern; use e.g. "
                    + name + "=com.acme.**");
        }
        return patterns;
    }

    private static boolean bool(String name, String value) {
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new AgentOptionsException("Option '" + name + "' takes no value or true/false, not '" + value + "'");
    }

    private static Path directory(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new AgentOptionsException("Option '" + name + "' needs a directory, e.g. " + name
                    + "=/tmp/procmobility-classes");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new AgentOptionsException("Option '" + name + "=" + value + "' is not a valid path: "
                    + e.getMessage(), e);
        }
    }

    /** Include patterns, in the order given. */
    public List<String> includes() {
        return includes;
    }

    /** Exclude patterns, in the order given. */
    public List<String> excludes() {
        return excludes;
    }

    /** True when every instrumented class is logged. */
    public boolean verbose() {
        return verbose;
    }

    /** Where transformed class files are written, or {@code null} when not dumping. */
    public Path dumpDirectory() {
        return dumpDirectory;
    }

    /** The instrumenter's view of these options. */
    public InstrumenterConfig instrumenterConfig() {
        return instrumenterConfig;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentOptions other && includes.equals(other.includes) && excludes.equals(other.excludes)
                && verbose == other.verbose && Objects.equals(dumpDirectory, other.dumpDirectory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(includes, excludes, verbose, dumpDirectory);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (!includes.isEmpty()) {
            s.append("include=").append(String.join(";", includes));
        }
        if (!excludes.isEmpty()) {
            s.append(s.length() > 0 ? "," : "").append("exclude=").append(String.join(";", excludes));
        }
        if (verbose) {
            s.append(s.length() > 0 ? "," : "").append("verbose");
        }
        if (dumpDirectory != null) {
            s.append(s.length() > 0 ? "," : "").append("dump=").append(dumpDirectory);
        }
        return s.toString();
    }
}
