package io.procmobility.console;

import io.procmobility.behaviour.MobileProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The process classes {@code spawn} knows by short name: public, concrete {@link MobileProcess}
 * classes with a public no-argument constructor in the examples package, found on the class path
 * (a directory or a jar, the shaded one included). Any other class is spawned by its full name.
 */
final class SpawnableClasses {
    /** Where the examples live; {@code spawn Counter} means {@code spawn io.procmobility.examples.Counter}. */
    static final String EXAMPLES_PACKAGE = "io.procmobility.examples";

    private final ClassLoader loader;
    private final List<String> examples;

    SpawnableClasses(ClassLoader loader) {
        this.loader = loader;
        this.examples = List.copyOf(scan(loader, EXAMPLES_PACKAGE));
    }

    /** Full names of the spawnable example classes, sorted. */
    List<String> examples() {
        return examples;
    }

    /** Short names of the spawnable example classes, sorted. */
    List<String> shortNames() {
        return examples.stream().map(n -> n.substring(n.lastIndexOf('.') + 1)).toList();
    }

    /**
     * The process class named {@code name}: a full class name, or the short name of an example.
     *
     * @throws UserError when there is no such class, or it cannot be spawned (with why)
     */
    Class<? extends MobileProcess> resolve(String name) {
        String full = name.contains(".") ? name : EXAMPLES_PACKAGE + "." + name;
        Class<?> type;
        try {
            type = Class.forName(full, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            String hint = examples.isEmpty() ? "" : " (try: " + String.join(", ", shortNames()) + ")";
            throw new UserError("no class " + name + " on the class path" + hint);
        }
        if (!MobileProcess.class.isAssignableFrom(type)) {
            throw new UserError(type.getName() + " is not a process: it must implement " + MobileProcess.class.getName()
                    + " (or extend a behaviour such as MobileServer)");
        }
        String problem = unspawnable(type);
        if (problem != null) {
            throw new UserError(type.getName() + " cannot be spawned from the console: " + problem);
        }
        return type.asSubclass(MobileProcess.class);
    }

    /** Why {@code type} cannot be instantiated with no arguments, or null when it can. */
    private static String unspawnable(Class<?> type) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return "it is not public";
        }
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            return "it is abstract";
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            return "it is an inner class";
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            return Modifier.isPublic(constructor.getModifiers()) ? null : "its no-argument constructor is not public";
        } catch (NoSuchMethodException e) {
            return "it has no public no-argument constructor";
        }
    }

    private static List<String> scan(ClassLoader loader, String pkg) {
        String dir = pkg.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(dir);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    fromDirectory(Path.of(root.toURI()), pkg, names);
                } else if ("jar".equals(root.getProtocol())) {
                    fromJar(root, dir, names);
                }
            }
        } catch (IOException | URISyntaxException e) {
            return List.of(); // no completion for examples; spawn by full name still works
        }
        List<String> spawnable = new ArrayList<>();
        for (String name : names) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (MobileProcess.class.isAssignableFrom(type) && unspawnable(type) == null) {
                    spawnable.add(name);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not loadable here: not offered
            }
        }
        return spawnable;
    }

    private static void fromDirectory(Path dir, String pkg, TreeSet<String> names) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(SpawnableClasses::isTopLevelClassFile)
                    .forEach(f -> names.add(pkg + "." + f.substring(0, f.length() - ".class".length())));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void fromJar(URL root, String dir, TreeSet<String> names) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (entry.startsWith(dir + "/") && entry.indexOf('/', dir.length() + 1) < 0
                        && isTopLevelClassFile(entry.substring(dir.length() + 1))) {
                    names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
    }

    private static boolean isTopLevelClassFile(String file) {
        return file.endsWith(".class") && !file.contains("$") && !file.toLowerCase(Locale.ROOT).startsWith("package-info");
    }
}
