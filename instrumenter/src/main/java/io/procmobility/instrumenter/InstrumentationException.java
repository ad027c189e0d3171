package io.procmobility.instrumenter;

/**
 * A class cannot be instrumented. The message names the class, the method and the source line
 * when known, and says how to fix the code.
 */
public class InstrumentationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String className;
    private final String methodName;
    private final int line;

    /** For a problem in {@code className.methodName} at {@code line} (0 when unknown). */
    public InstrumentationException(String className, String methodName, int line, String problem) {
        super(format(className, methodName, line, problem));
        this.className = className;
        this.methodName = methodName;
        this.line = line;
    }

    /** For a problem found by ASM or the analyzer; the cause is kept. */
    public InstrumentationException(String className, String methodName, int line, String problem, Throwable cause) {
        super(format(className, methodName, line, problem), cause);
        this.className = className;
        this.methodName = methodName;
        this.line = line;
    }

    private static String format(String className, String methodName, int line, String problem) {
        StringBuilder where = new StringBuilder(className == null ? "?" : className.replace('/', '.'));
        if (methodName != null) {
            where.append('.').append(methodName);
        }
        if (line > 0) {
            where.append(" (line ").append(line).append(')');
        }
        return "Cannot instrument " + where + ": " + problem;
    }

    /** Binary name of the class, e.g. {@code com.acme.Counter}. */
    public String className() {
        return className == null ? null : className.replace('/', '.');
    }

    /** Method name ({@code <init>} for constructors), or {@code null} for class-level problems. */
    public String methodName() {
        return methodName;
    }

    /** Source line, or 0 when the class has no line numbers. */
    public int line() {
        return line;
    }
}
