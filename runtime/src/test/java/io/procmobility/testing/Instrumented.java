package io.procmobility.testing;

import io.procmobility.instrumenter.ClassBytesLocator;
import io.procmobility.instrumenter.Instrumenter;
import io.procmobility.instrumenter.InstrumenterConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/** Runs the real instrumenter over compiled fixtures and checks every result with ASM's verifier. */
public final class Instrumented {
    private Instrumented() {
    }

    /** Instruments all classes matching {@code include}; the others are returned unchanged. */
    public static Map<String, byte[]> instrument(Map<String, byte[]> classes, String include) {
        ClassBytesLocator fromMap = internalName -> classes.get(internalName.replace('/', '.'));
        Instrumenter instrumenter = new Instrumenter(InstrumenterConfig.including(include),
                fromMap.orElse(ClassBytesLocator.of(Instrumented.class.getClassLoader())));
        Map<String, byte[]> result = new LinkedHashMap<>();
        // The data-flow check loads referenced classes to compare types; it must see the fixtures too.
        ClassLoader verificationLoader = new FixtureLoader(classes, Instrumented.class.getClassLoader());
        classes.forEach((name, bytes) -> {
            byte[] transformed = instrumenter.instrument(bytes);
            if (transformed != null) {
                verify(name, transformed, verificationLoader);
            }
            result.put(name, transformed == null ? bytes : transformed);
        });
        return result;
    }

    /** Fails with ASM's report when {@code bytes} do not pass {@link CheckClassAdapter} with data-flow checks; {@code loader} resolves the classes it refers to. */
    public static void verify(String name, byte[] bytes, ClassLoader loader) {
        StringWriter report = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), loader, false, new PrintWriter(report));
        if (!report.toString().isEmpty()) {
            throw new AssertionError("CheckClassAdapter rejected instrumented " + name + ":\n" + report);
        }
    }
}
