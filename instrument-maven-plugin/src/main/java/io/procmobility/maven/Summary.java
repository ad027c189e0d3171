package io.procmobility.maven;

/**
 * What one run did to a classes directory.
 *
 * @param instrumented class files rewritten
 * @param unchanged class files not read: the same bytes as the last run left them
 * @param skipped class files read and left as they are (not selected, nothing that may suspend,
 *     or already instrumented)
 * @param alreadyInstrumented of the skipped, those an earlier run (or another tool run) had instrumented
 */
record Summary(int instrumented, int unchanged, int skipped, int alreadyInstrumented) {
    /** The one-line report: {@code 2 instrumented, 5 unchanged, 3 skipped (1 already instrumented)}. */
    String line() {
        String line = instrumented + " instrumented, " + unchanged + " unchanged, " + skipped + " skipped";
        return alreadyInstrumented == 0 ? line : line + " (" + alreadyInstrumented + " already instrumented)";
    }
}
