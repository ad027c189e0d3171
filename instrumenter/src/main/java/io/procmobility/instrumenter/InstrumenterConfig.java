package io.procmobility.instrumenter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which classes to instrument: those matching an include pattern and no exclude pattern, plus
 * classes annotated {@code @io.procmobility.Mobile} (on the class or a method) wherever they are.
 *
 * <p>Patterns use binary names with wildcards: {@code com.acme.**} (the package and all
 * sub-packages), {@code com.acme.*} (the package only), {@code com.acme.Counter} (one class),
 * {@code com.acme.Counter*}. The JDK ({@code java.**}, {@code javax.**}, {@code jdk.**},
 * {@code sun.**}) and the procmobility runtime's own internals are never instrumented.
 */
public final class InstrumenterConfig {
    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    private InstrumenterConfig(List<Pattern> includes, List<Pattern> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
    }

    /** A config with the given include patterns and no excludes. */
    public static InstrumenterConfig including(String... patterns) {
        return builder().include(patterns).build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** True when {@code internalName} matches an include pattern and no exclude pattern. */
    public boolean matches(String internalName) {
        String name = internalName.replace('/', '.');
        return anyMatch(includes, name) && !anyMatch(excludes, name);
    }

    /** True when {@code internalName} matches an exclude pattern. */
    public boolean excluded(String internalName) {
        return anyMatch(excludes, internalName.replace('/', '.'));
    }

    private static boolean anyMatch(List<Pattern> patterns, String name) {
        for (Pattern p : patterns) {
            if (p.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Compiles a glob ({@code **} any characters, {@code *} any but '.', {@code ?} one character). */
    static Pattern glob(String glob) {
        String trimmed = glob.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty class pattern; use e.g. com.acme.**");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '*') {
                if (i + 1 < trimmed.length() && trimmed.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else {
                    regex.append("[^.]*");
                }
            } else if (c == '?') {
                regex.append("[^.]");
            } else if (Character.isJavaIdentifierPart(c)) {
                regex.append(c);
            } else if (c == '.' || c == '/') {
                regex.append("\\.");
            } else {
                throw new IllegalArgumentException("bad character '" + c + "' in class pattern '" + glob
                        + "'; use binary names with * and ** wildcards, e.g. com.acme.**");
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** Builds an {@link InstrumenterConfig}. */
    public static final class Builder {
        private final List<Pattern> includes = new ArrayList<>();
        private final List<Pattern> excludes = new ArrayList<>();

        /** Adds include patterns. */
        public Builder include(String... patterns) {
            for (String p : patterns) {
                includes.add(glob(p));
            }
            return this;
        }

        /** Adds exclude patterns. */
        public Builder exclude(String... patterns) {
            for (String p : patterns) {
                excludes.add(glob(p));
            }
            return this;
        }

        /** The config. */
        public InstrumenterConfig build() {
            return new InstrumenterConfig(includes, excludes);
        }
    }
}
