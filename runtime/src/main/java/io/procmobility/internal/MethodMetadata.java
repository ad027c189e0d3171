package io.procmobility.internal;

/**
 * What the instrumenter recorded about one instrumented method, copied out of
 * {@link InstrumentedMethod} once (annotation arrays are cloned on every access). Not API.
 */
public final class MethodMetadata {
    private final String sourceFile;
    private final String owner;
    private final InstrumentedMethod method;
    private final int[] callSiteOffsets;
    private final int[] callSiteLines;
    private final String[] refNames;
    private final int[] monitorOffsets;
    private final int[] monitorLines;

    MethodMetadata(String owner, String sourceFile, InstrumentedMethod method) {
        this.owner = owner;
        this.sourceFile = sourceFile;
        this.method = method;
        this.callSiteOffsets = method.callSiteOffsets();
        this.callSiteLines = method.callSiteLines();
        this.refNames = method.callSiteRefNames();
        this.monitorOffsets = method.monitorOffsets();
        this.monitorLines = method.monitorLines();
    }

    /** Method name. */
    public String name() { return method.name(); }
    /** Method descriptor. */
    public String descriptor() { return method.desc(); }
    /** Hash of the original bytecode. */
    public long hash() { return method.hash(); }

    /** True when {@code offset} is a suspendable call site of this method. */
    public boolean isCallSite(int offset) {
        return indexOf(callSiteOffsets, offset) >= 0;
    }

    /** True when {@code offset} is a call made while holding a monitor. */
    public boolean isMonitorSite(int offset) {
        return indexOf(monitorOffsets, offset) >= 0;
    }

    /** Source line of call site {@code callSite}, or 0. */
    public int lineOf(int callSite) {
        return callSite >= 0 && callSite < callSiteLines.length ? callSiteLines[callSite] : 0;
    }

    /** Name of saved reference {@code slot} at call site {@code callSite}, or {@code "ref#slot"}. */
    public String refName(int callSite, int slot) {
        if (callSite >= 0 && callSite < refNames.length) {
            String[] names = refNames[callSite].split("\\|", -1);
            if (slot < names.length && !names[slot].isEmpty()) {
                return names[slot];
            }
        }
        return "ref#" + slot;
    }

    /** {@code com.acme.Counter.loop(Counter.java:12)} for call site {@code callSite}. */
    public String where(int callSite) {
        int line = lineOf(callSite);
        String file = sourceFile.isEmpty() ? "unknown source" : sourceFile;
        return owner.replace('/', '.') + "." + name() + "(" + file + (line > 0 ? ":" + line : "") + ")";
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
