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
    private final String problem;
    private final String classFile;

    /** For a problem in {@code className.methodName} at {@code line} (0 when unknown). */
    public InstrumentationException(String className, String methodName, int line, String problem) {
        this(className, methodName, line, problem, null, null);
    }

    /** For a problem found by ASM or the analyzer; the cause is kept. */
    public InstrumentationException(String className, String methodName, int line, String problem, Throwable cause) {
        this(className, methodName, line, problem, null, cause);
    }

    private InstrumentationException(String className, String methodName, int line, String problem,
            String classFile, Throwable cause) {
        super(format(className, methodName, line, problem, classFile), cause);
        this.className = className;
        this.methodName = methodName;
        this.line = line;
        this.problem = problem;
        this.classFile = classFile;
    }

    /**
     * The same problem, located in the class file {@code file} (its path as the caller names it);
     * this exception becomes the cause.
     */
    public InstrumentationException inClassFile(String file) {
        return new InstrumentationException(className, methodName, line, problem, file, this);
    }

    private static String format(String className, String methodName, int line, String problem, String classFile) {
        StringBuilder where = new StringBuilder(className == null ? "?" : className.replace('/', '.'));
        if (methodName != null) {
            where.append('.').append(methodName);
        }
        if (line > 0) {
            where.append(" (line ").append(line).append(')');
        }
        if (classFile != null) {
            where.append(" in ").append(classFile);
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

    /** What is wrong and how to fix it, without the location (the message's text after the class and method). */
    public String problem() {
        return problem;
    }

    /** The class file, as named by whoever read it (see {@link #inClassFile}), or {@code null} when not known. */
    public String classFile() {
        return classFile;
    }
}
