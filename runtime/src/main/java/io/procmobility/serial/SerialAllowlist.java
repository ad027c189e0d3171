package io.procmobility.serial;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which user classes may travel inside a serialized continuation, on top of the runtime's own
 * types and the common JDK types the serializer registers (strings, boxed primitives, arrays,
 * the usual collections, atomics, {@code java.time}, {@code UUID}, {@code BigInteger}, ...).
 *
 * <p>The same list guards both directions: writing an object of another class fails naming the
 * local variable that holds it, and reading a payload that names another class fails before the
 * class is loaded. Immutable and thread-safe.
 *
 * <pre>{@code
 * SerialAllowlist allow = SerialAllowlist.builder()
 *         .allowPackage("com.acme.orders.**")   // the package and its sub-packages
 *         .allowPackage("com.acme.model.*")     // that package only
 *         .allowClass("com.acme.util.Money")
 *         .build();
 * }</pre>
 */
public final class SerialAllowlist {
    private static final Pattern QUALIFIED_NAME =
            Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
                    + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");
    private static final SerialAllowlist NONE = new SerialAllowlist(Set.of(), List.of(), List.of());

    private final Set<String> classes;
    private final List<String> exactPackages;
    private final List<String> packagePrefixes;

    private SerialAllowlist(Set<String> classes, List<String> exactPackages, List<String> packagePrefixes) {
        this.classes = classes;
        this.exactPackages = exactPackages;
        this.packagePrefixes = packagePrefixes;
    }

    /** A builder for an allowlist. */
    public static Builder builder() {
        return new Builder();
    }

    /** An allowlist allowing no user class: only the runtime's and the registered JDK types travel. */
    public static SerialAllowlist none() {
        return NONE;
    }

    /**
     * True when the class named {@code className} (binary name, e.g. {@code com.acme.Foo$Bar}) is
     * allowed. Decided from the name alone, so it can be asked before anything is loaded.
     */
    public boolean allows(String className) {
        if (className == null || className.isEmpty()) {
            return false;
        }
        if (classes.contains(className)) {
            return true;
        }
        int lastDot = className.lastIndexOf('.');
        String pkg = lastDot < 0 ? "" : className.substring(0, lastDot);
        if (exactPackages.contains(pkg)) {
            return true;
        }
        for (String prefix : packagePrefixes) {
            if (pkg.equals(prefix) || pkg.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code type} is allowed, see {@link #allows(String)}. */
    public boolean allows(Class<?> type) {
        return allows(type.getName());
    }

    @Override
    public String toString() {
        return "SerialAllowlist[classes=" + classes + ", packages=" + exactPackages + ", packageTrees=" + packagePrefixes + "]";
    }

    /** Collects allowed classes and packages. Not thread-safe; {@link #build()} gives the immutable list. */
    public static final class Builder {
        private final Set<String> classes = new LinkedHashSet<>();
        private final List<String> exactPackages = new ArrayList<>();
        private final List<String> packagePrefixes = new ArrayList<>();

        private Builder() {
        }

        /**
         * Allows a package by glob: {@code com.acme.**} is the package and all its sub-packages,
         * {@code com.acme.*} (or plain {@code com.acme}) that package only.
         *
         * @throws IllegalArgumentException for any other wildcard form
         */
        public Builder allowPackage(String glob) {
            Objects.requireNonNull(glob, "glob");
            if (glob.endsWith(".**")) {
                packagePrefixes.add(checkName(glob.substring(0, glob.length() - 3), glob));
            } else if (glob.endsWith(".*")) {
                exactPackages.add(checkName(glob.substring(0, glob.length() - 2), glob));
            } else {
                exactPackages.add(checkName(glob, glob));
            }
            return this;
        }

        /** Allows one class by binary name, e.g. {@code com.acme.Outer$Inner}; its nested classes are not included. */
        public Builder allowClass(String className) {
            Objects.requireNonNull(className, "className");
            classes.add(checkName(className, className));
            return this;
        }

        /** Allows one class; its nested classes are not included. */
        public Builder allowClass(Class<?> type) {
            Objects.requireNonNull(type, "type");
            if (type.isArray() || type.isPrimitive()) {
                throw new IllegalArgumentException("Allow the element class instead of " + type.getTypeName()
                        + ": arrays of allowed classes are allowed");
            }
            classes.add(type.getName());
            return this;
        }

        /** Adds everything another allowlist allows. */
        public Builder allowAll(SerialAllowlist other) {
            classes.addAll(other.classes);
            exactPackages.addAll(other.exactPackages);
            packagePrefixes.addAll(other.packagePrefixes);
            return this;
        }

        /** The immutable allowlist. */
        public SerialAllowlist build() {
            return new SerialAllowlist(Set.copyOf(classes), List.copyOf(exactPackages), List.copyOf(packagePrefixes));
        }

        private static String checkName(String name, String given) {
            if (!QUALIFIED_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a package glob or class name: '" + given
                        + "'. Use com.acme.** (package and sub-packages), com.acme.* (one package) or com.acme.Foo (one class).");
            }
            return name;
        }
    }
}
