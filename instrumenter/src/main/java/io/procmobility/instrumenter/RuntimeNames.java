package io.procmobility.instrumenter;

/**
 * Names in procmobility-runtime that instrumented bytecode refers to. The instrumenter does not
 * depend on the runtime at build time; these strings are the contract between the two (a test in
 * the runtime checks that they resolve).
 */
final class RuntimeNames {
    static final String RECORDER = "io/procmobility/internal/StackRecorder";
    static final String RECORDER_DESC = "L" + RECORDER + ";";
    static final String FRAME = "io/procmobility/internal/Frame";
    static final String FRAME_DESC = "L" + FRAME + ";";

    static final String CURRENT = "current";
    static final String CURRENT_DESC = "()" + RECORDER_DESC;
    static final String RESTORING = "restoring";
    static final String CAPTURING = "capturing";
    static final String POP_FRAME = "popFrame";
    static final String POP_FRAME_DESC = "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;J)" + FRAME_DESC;
    static final String PUSH_FRAME = "pushFrame";
    static final String PUSH_FRAME_DESC = "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;JIII)" + FRAME_DESC;
    static final String CALL_SITE = "callSite";
    static final String INVALID_CALL_SITE = "invalidCallSite";
    static final String INVALID_CALL_SITE_DESC = "(" + FRAME_DESC + ")Ljava/lang/RuntimeException;";

    static final String INSTRUMENTED_CLASS_DESC = "Lio/procmobility/internal/InstrumentedClass;";
    static final String INSTRUMENTED_METHOD_DESC = "Lio/procmobility/internal/InstrumentedMethod;";
    static final String MOBILE_DESC = "Lio/procmobility/Mobile;";
    /** Version of the metadata written into {@code InstrumentedClass}; equals the runtime's ClassMetadata.FORMAT_VERSION. */
    static final int FORMAT_VERSION = 1;

    /** Methods that suspend by themselves; calling them from a constructor is refused at instrument time. */
    static final String CONTINUATION = "io/procmobility/continuation/Continuation";

    private RuntimeNames() {
    }
}
