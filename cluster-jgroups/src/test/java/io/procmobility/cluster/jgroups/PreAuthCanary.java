package io.procmobility.cluster.jgroups;

/**
 * A class a hostile peer names in a forged JGroups header ({@link ForeignMemberJvmTest}): if a
 * member ever initializes it, it prints {@value #LINE}, which the test watches for. Nothing of the
 * cluster refers to it.
 */
public final class PreAuthCanary {
    /** Printed when the class is initialized. */
    public static final String LINE = "CANARY-INITIALIZED";

    static {
        System.out.println(LINE);
        System.out.flush();
    }

    private PreAuthCanary() {
    }
}
