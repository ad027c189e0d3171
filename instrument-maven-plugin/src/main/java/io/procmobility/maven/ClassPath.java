package io.procmobility.maven;

import io.procmobility.instrumenter.ClassBytesLocator;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The class files a project is compiled against (its output directories, its dependencies' jars
 * and the JDK), read as bytes and never loaded: the instrumenter needs them to compute stack-map
 * frames. Close it to release the jars.
 */
final class ClassPath implements ClassBytesLocator, Closeable {
    private final URLClassLoader resources;
    private final ClassBytesLocator locator;

    /** @param elements directories and jars, as Maven lists them ({@code project.compileClasspathElements}) */
    ClassPath(List<String> elements) {
        URL[] urls = new URL[elements.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = url(elements.get(i));
        }
        // Parent: the platform loader, which finds the JDK's class files; never the plugin's own class path.
        this.resources = new URLClassLoader("procmobility-project-classpath", urls, ClassLoader.getPlatformClassLoader());
        this.locator = ClassBytesLocator.of(resources);
    }

    private static URL url(String element) {
        try {
            return Path.of(element).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("class path element '" + element + "' is not a valid path", e);
        }
    }

    @Override
    public byte[] find(String internalName) {
        return locator.find(internalName);
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
